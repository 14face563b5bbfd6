package org.vigil.checks.builtin.dns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.checks.builtin.ShortOptions;

/**
 * check_dig's options as monitoring-plugins 2.3.3 reads them (short options, getopt style: {@code -lNAME} or
 * {@code -l NAME}, flags grouped), limited to what the built-in does exactly: {@code -H} an IPv4 address,
 * {@code -p}, {@code -l} a plain host name with a dot, {@code -T} a type it prints as dig does, {@code -a},
 * {@code -w}, {@code -c}, {@code -t} above 0, {@code -4}. Anything else is a reason to run the real plugin.
 *
 * @param server the server's IPv4 address ({@code -H}, 127.0.0.1 by default)
 * @param port {@code -p}, 53 by default
 * @param query {@code -l}
 * @param type {@code -T}'s type code, A by default
 * @param expected {@code -a}: the text a line of the answer section must contain (else {@code query})
 * @param warning {@code -w} seconds, when given above 0
 * @param critical {@code -c} seconds, when given above 0
 * @param timeoutSeconds {@code -t}, 10 by default
 */
record DigArguments(String server, int port, String query, int type, String expected, Optional<Double> warning,
                    Optional<Double> critical, int timeoutSeconds) {

    /** getopt's option string of check_dig 2.3.3: a colon after an option that takes a value. */
    private static final String OPTIONS = "hVvt:l:H:w:c:T:p:a:A:46";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
            + "|1\\d\\d|[1-9]?\\d)){3}");
    /** Labels of letters, digits, '-' and '_' (none starting with '-'), at least one dot: dig reads it as a name. */
    private static final Pattern NAME = Pattern.compile("(?=.*\\.)([A-Za-z0-9_][A-Za-z0-9_-]{0,62}\\.)*"
            + "[A-Za-z0-9_][A-Za-z0-9_-]{0,62}\\.?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9}");

    /** The arguments, or why the built-in does not take them ({@link #parse} throws none for a user's input). */
    static Parsed parse(List<String> args) {
        String server = "127.0.0.1";
        int port = 53;
        String query = null;
        int type = 1;
        String expected = null;
        Double warning = null;
        Double critical = null;
        int timeout = 10;
        ShortOptions.Read read = ShortOptions.read("check_dig", OPTIONS, args);
        if (read.problem().isPresent()) {
            return Parsed.no(read.problem().get());
        }
        for (ShortOptions.Option option : read.options()) {
            char opt = option.letter();
            String value = option.value();
            switch (opt) {
                case '4' -> {
                }
                case 'H' -> {
                    if (!IPV4.matcher(value).matches()) {
                        return Parsed.no("check_dig: the built-in takes -H as an IPv4 address, not " + value);
                    }
                    server = value;
                }
                case 'p' -> {
                    if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < 1
                            || Integer.parseInt(value) > 65535) {
                        return Parsed.no("check_dig: -p " + value + " is not a port from 1 to 65535");
                    }
                    port = Integer.parseInt(value);
                }
                case 'l' -> {
                    if (!NAME.matcher(value).matches() || value.length() > 254) {
                        return Parsed.no("check_dig: the built-in looks up host names with a dot, not " + value);
                    }
                    query = value;
                }
                case 'T' -> {
                    Optional<Integer> code = typeCode(value);
                    if (code.isEmpty()) {
                        return Parsed.no("check_dig: record type " + value + " is not built in (A, AAAA, "
                                + "CNAME, MX, NS, PTR, SOA, TXT are)");
                    }
                    type = code.get();
                }
                case 'a' -> expected = value;
                case 'w', 'c' -> {
                    if (!SECONDS.matcher(value).matches()) {
                        return Parsed.no("check_dig: -" + opt + " " + value + " is not a number of seconds");
                    }
                    // the plugin's "undefined" threshold is 0: -w 0 or -c 0 checks nothing, as there
                    Double seconds = Double.parseDouble(value) > 0 ? Double.parseDouble(value) : null;
                    if (opt == 'w') {
                        warning = seconds;
                    } else {
                        critical = seconds;
                    }
                }
                case 't' -> {
                    if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) == 0) {
                        return Parsed.no("check_dig: the built-in takes -t as whole seconds above 0, not " + value);
                    }
                    timeout = Integer.parseInt(value);
                }
                default -> {
                    return Parsed.no("check_dig: -" + opt + " is not built in");
                }
            }
        }
        if (query == null) {
            return Parsed.no("check_dig: no -l (the plugin prints its usage)");
        }
        return new Parsed(Optional.of(new DigArguments(server, port, query, type, expected == null ? query : expected,
                Optional.ofNullable(warning), Optional.ofNullable(critical), timeout)), "");
    }

    private static Optional<Integer> typeCode(String mnemonic) {
        String t = mnemonic.toUpperCase(Locale.ROOT);
        return DigRecordFormat.TYPES.entrySet().stream().filter(e -> e.getValue().equals(t)).map(e -> e.getKey())
                .findFirst();
    }

    /** The arguments when the built-in takes them, else why not. */
    record Parsed(Optional<DigArguments> arguments, String why) {
        static Parsed no(String why) {
            return new Parsed(Optional.empty(), why);
        }
    }
}
