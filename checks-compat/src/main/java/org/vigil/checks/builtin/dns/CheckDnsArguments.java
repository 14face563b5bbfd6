package org.vigil.checks.builtin.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.checks.builtin.ShortOptions;

/**
 * check_dns's options as monitoring-plugins 2.3.3 reads them (short options, getopt style), limited to what the
 * built-in does exactly: {@code -H} a host name with a dot (not an address: nslookup would ask for its PTR),
 * {@code -s} an IPv4 address (without it nslookup asks the resolver's servers), {@code -a} addresses (no CIDR),
 * {@code -n}, {@code -A}, {@code -L}, {@code -w}/{@code -c} as plain seconds and {@code -t} above 0.
 *
 * @param query {@code -H}
 * @param server {@code -s}
 * @param expected {@code -a}'s addresses, in order (several {@code -a} and commas add up)
 * @param expectNxdomain {@code -n}
 * @param expectAuthority {@code -A}
 * @param allMatch {@code -L}
 * @param warning {@code -w} seconds (the range 0 to it), when given
 * @param critical {@code -c} seconds, when given
 * @param timeoutSeconds {@code -t}, 10 by default
 */
record CheckDnsArguments(String query, String server, List<String> expected, boolean expectNxdomain,
                         boolean expectAuthority, boolean allMatch, Optional<Double> warning,
                         Optional<Double> critical, int timeoutSeconds) {

    private static final String OPTIONS = "hVvALnt:H:s:r:a:w:c:";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
            + "|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NAME = Pattern.compile("(?=.*\\.)(?=.*[A-Za-z_-][^.]*$)"
            + "([A-Za-z0-9_][A-Za-z0-9_-]{0,62}\\.)+[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    static Parsed parse(List<String> args) {
        String query = null;
        String server = null;
        List<String> expected = new ArrayList<>();
        boolean nx = false;
        boolean authority = false;
        boolean all = false;
        Double warning = null;
        Double critical = null;
        int timeout = 10;
        List<String> argv = args.stream().map(a -> "-to".equals(a) ? "-t" : a).toList();
        ShortOptions.Read read = ShortOptions.read("check_dns", OPTIONS, argv);
        if (read.problem().isPresent()) {
            return Parsed.no(read.problem().get());
        }
        for (ShortOptions.Option option : read.options()) {
            char opt = option.letter();
            String value = option.value();
            switch (opt) {
                case 'n' -> nx = true;
                case 'A' -> authority = true;
                case 'L' -> all = true;
                case 'H' -> {
                    if (!NAME.matcher(value).matches() || value.length() > 253 || value.contains(".arpa")) {
                        return Parsed.no("check_dns: the built-in looks up host names with a dot, not " + value);
                    }
                    query = value;
                }
                case 's' -> {
                    if (!IPV4.matcher(value).matches()) {
                        return Parsed.no("check_dns: the built-in takes -s as an IPv4 address, not " + value);
                    }
                    server = value;
                }
                case 'a' -> {
                    if (value.length() >= 256) {
                        return Parsed.no("check_dns: -a longer than the plugin takes");
                    }
                    for (String e : value.split(",", -1)) {
                        if (e.contains("/") || e.isEmpty()) {
                            return Parsed.no("check_dns: -a " + value + " (a CIDR or an empty address) is not"
                                    + " built in");
                        }
                        expected.add(e);
                    }
                }
                case 'w', 'c' -> {
                    if (!SECONDS.matcher(value).matches()) {
                        return Parsed.no("check_dns: -" + opt + " " + value + " is not plain seconds");
                    }
                    if (opt == 'w') {
                        warning = Double.parseDouble(value);
                    } else {
                        critical = Double.parseDouble(value);
                    }
                }
                case 't' -> {
                    if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) == 0) {
                        return Parsed.no("check_dns: the built-in takes -t as whole seconds above 0, not " + value);
                    }
                    timeout = Integer.parseInt(value);
                }
                default -> {
                    return Parsed.no("check_dns: -" + opt + " is not built in");
                }
            }
        }
        if (query == null || server == null) {
            return Parsed.no("check_dns: the built-in needs -H and -s");
        }
        if (nx && !expected.isEmpty()) {
            return Parsed.no("check_dns: -a with -n (the plugin refuses them)");
        }
        if (expected.size() > 30) {
            return Parsed.no("check_dns: more than 30 addresses for -a");
        }
        return new Parsed(Optional.of(new CheckDnsArguments(query, server, List.copyOf(expected), nx, authority, all,
                Optional.ofNullable(warning), Optional.ofNullable(critical), timeout)), "");
    }

    /** The arguments when the built-in takes them, else why not. */
    record Parsed(Optional<CheckDnsArguments> arguments, String why) {
        static Parsed no(String why) {
            return new Parsed(Optional.empty(), why);
        }
    }
}
