package org.vigil.checks.builtin.http;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The getopt_long reading check_http and check_curl share, for the options with a value a built-in supports
 * ({@code -H host}, {@code -Hhost}, {@code --hostname host}, {@code --hostname=host}) and the flags each takes; and
 * the value rules both apply (is_intnonneg's numbers, ports, plain seconds). Anything else is an
 * {@link Unsupported} naming the plugin and what was not taken, so the real plugin runs.
 */
public final class PluginArguments {

    /** The long options with a value both plugins have, by the letter each stands for ({@code --max-redirs}: X). */
    public static final Map<String, Character> HTTP_LONG_OPTIONS = Map.ofEntries(
            Map.entry("hostname", 'H'), Map.entry("IP-address", 'I'), Map.entry("url", 'u'),
            Map.entry("port", 'p'), Map.entry("expect", 'e'), Map.entry("string", 's'), Map.entry("regex", 'r'),
            Map.entry("ereg", 'r'), Map.entry("eregi", 'R'), Map.entry("warning", 'w'),
            Map.entry("critical", 'c'), Map.entry("timeout", 't'), Map.entry("certificate", 'C'),
            Map.entry("onredirect", 'f'), Map.entry("method", 'j'), Map.entry("header", 'k'),
            Map.entry("authorization", 'a'), Map.entry("proxy-authorization", 'b'),
            Map.entry("content-type", 'T'), Map.entry("useragent", 'A'), Map.entry("max-redirs", 'X'));

    private static final Pattern NON_NEGATIVE_INT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern PLAIN_SECONDS = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6})?");

    /** Why a built-in does not take a command line; the message starts with the plugin's name. */
    public static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        private Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    /** Takes an option with its value. */
    @FunctionalInterface
    public interface Valued {
        void apply(char option, String value) throws Unsupported;
    }

    /** Takes a flag (an argument without a value) and says whether it was one. */
    @FunctionalInterface
    public interface Flags {
        boolean take(String arg) throws Unsupported;
    }

    private final String plugin;
    private final Map<String, Character> longWithValue;
    private final String shortWithValue;

    /** The reading of {@code plugin}'s options with a value: long names to their letters, and the letters. */
    public PluginArguments(String plugin, Map<String, Character> longWithValue, String shortWithValue) {
        this.plugin = plugin;
        this.longWithValue = Map.copyOf(longWithValue);
        this.shortWithValue = shortWithValue;
    }

    /** An {@link Unsupported} saying {@code why}, after the plugin's name. */
    public Unsupported unsupported(String why) {
        return new Unsupported(plugin + ": " + why);
    }

    /** Reads {@code args} in order: each flag to {@code flags}, each option with a value to {@code valued}. */
    public void read(List<String> args, Flags flags, Valued valued) throws Unsupported {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (flags.take(arg)) {
                continue;
            }
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                Character option = longWithValue.get(eq < 0 ? name : name.substring(0, eq));
                if (option == null) {
                    throw unsupported("option " + arg + " is not built in");
                }
                valued.apply(option, eq >= 0 ? name.substring(eq + 1) : valueAfter(args, ++i, arg));
            } else if (arg.length() >= 2 && arg.charAt(0) == '-' && shortWithValue.indexOf(arg.charAt(1)) >= 0) {
                valued.apply(arg.charAt(1), arg.length() > 2 ? arg.substring(2) : valueAfter(args, ++i, arg));
            } else {
                throw unsupported("argument " + arg + " is not built in");
            }
        }
    }

    private String valueAfter(List<String> args, int i, String option) throws Unsupported {
        if (i >= args.size()) {
            throw unsupported(option + " without its value");
        }
        return args.get(i);
    }

    /** is_intnonneg's number, in the range Vigil reads the same way. */
    public int nonNegative(String value, String option) throws Unsupported {
        if (!NON_NEGATIVE_INT.matcher(value).matches()) {
            throw unsupported(option + " " + value + " is not a number Vigil reads as it does");
        }
        return Integer.parseInt(value);
    }

    /** A port, 1 to 65535. */
    public int portNumber(String value) throws Unsupported {
        int port = nonNegative(value, "port");
        if (port < 1 || port > 65535) {
            throw unsupported("port " + value + " is out of range");
        }
        return port;
    }

    /** {@code -w}/{@code -c} as a plain number of seconds; a range is not built in. */
    public double seconds(String value, String option) throws Unsupported {
        if (!PLAIN_SECONDS.matcher(value).matches()) {
            throw unsupported(option + " " + value + " (a range) is not built in");
        }
        return Double.parseDouble(value);
    }
}
