package org.vigil.checks.builtin.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A check_tcp command line read as the plugin (monitoring-plugins 2.3.3) reads it, for the options Vigil supports
 * exactly. Anything read differently or not supported makes {@link #parse} give the reason instead, and the real
 * plugin runs.
 *
 * @param host the address, as given ({@code -H}); 127.0.0.1 when not given
 * @param hostGiven whether {@code -H} was given: the status line then names the host
 * @param port the port ({@code -p} or the service's)
 * @param send sent after connecting ({@code -s}), null for nothing
 * @param expects what the answer must contain ({@code -e}) or, by default, begin with
 * @param exact true while no {@code -e} was given: the service's strings must begin the answer
 * @param all whether every expected string must be found ({@code -A}) instead of one
 * @param quit sent before closing ({@code -q}, with CRLF added unless {@code -E}), null for nothing
 * @param timeoutSeconds the plugin's whole-run timeout ({@code -t}, 10 by default)
 * @param warning the response time above which it warns ({@code -w}), null for none
 * @param critical likewise for critical ({@code -c})
 * @param refuseState the exit code of a refused connection ({@code -r})
 * @param mismatchState the state of an unexpected answer ({@code -M})
 * @param maxBytes stop reading at this many bytes ({@code -m}), 0 for no limit
 * @param tls whether to talk TLS ({@code -S}, {@code -D} or the service)
 * @param certDays the certificate's warning and critical days ({@code -D}), null when not checked
 * @param hideOutput whether the answer stays out of the status line ({@code -j} or the service)
 */
record TcpOptions(String host, boolean hostGiven, int port, String send, List<String> expects, boolean exact,
                  boolean all, String quit, int timeoutSeconds, Double warning, Double critical, int refuseState,
                  int mismatchState, int maxBytes, boolean tls, int[] certDays, boolean hideOutput) {

    /** Short option letters that take a value, by long name. */
    private static final Map<String, Character> LONG = Map.ofEntries(
            Map.entry("hostname", 'H'), Map.entry("port", 'p'), Map.entry("send", 's'), Map.entry("expect", 'e'),
            Map.entry("quit", 'q'), Map.entry("timeout", 't'), Map.entry("warning", 'w'),
            Map.entry("critical", 'c'), Map.entry("refuse", 'r'), Map.entry("mismatch", 'M'),
            Map.entry("maxbytes", 'm'), Map.entry("certificate", 'D'), Map.entry("escape", 'E'),
            Map.entry("ssl", 'S'), Map.entry("jail", 'j'), Map.entry("all", 'A'));
    private static final String WITH_VALUE = "HpseqtwcrMmD";
    private static final String FLAGS = "ESjA";
    private static final String DECIMAL = "[0-9]+(\\.[0-9]*)?|\\.[0-9]+";
    private static final String COUNT = "[0-9]{1,9}";

    /** The options of {@code args} under {@code service}'s defaults, or why the built-in declines them. */
    static Parsed parse(TcpService service, List<String> args) {
        return new Reader(service).read(args);
    }

    /** The outcome of {@link #parse}: options, or the reason the built-in declines. */
    record Parsed(TcpOptions options, String declined) {
    }

    /** Walks the arguments once, as getopt_long with check_tcp's option string would. */
    private static final class Reader {
        private final TcpService service;
        private String host = "127.0.0.1";
        private boolean hostGiven;
        private int port;
        private String send;
        private final List<String> expects = new ArrayList<>();
        private boolean exact = true;
        private boolean all;
        private String quit;
        private int timeout = 10;
        private Double warning;
        private Double critical;
        private int refuse = 2;
        private int mismatch = 1;
        private int maxBytes;
        private boolean tls;
        private int[] certDays;
        private boolean hide;
        private boolean escape;

        Reader(TcpService service) {
            this.service = service;
            port = service.port();
            send = service.send();
            quit = service.quit();
            tls = service.tls();
            hide = service.hideOutput();
            // check_nntp(s) keep their two strings when -e adds more; the others' single default is replaced
            if (service.expects().size() > 1) {
                expects.addAll(service.expects());
            }
        }

        Parsed read(List<String> args) {
            if (args.isEmpty()) {
                return declined("no arguments (the plugin prints its usage)");
            }
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                char option;
                String value = null;
                if (arg.startsWith("--") && arg.length() > 2) {
                    int eq = arg.indexOf('=');
                    String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                    Character c = LONG.get(name);
                    if (c == null) {
                        return declined("option " + arg + " is not built in");
                    }
                    option = c;
                    if (eq >= 0) {
                        if (FLAGS.indexOf(option) >= 0) {
                            return declined("option " + arg + " takes no value");
                        }
                        value = arg.substring(eq + 1);
                    }
                } else if (arg.length() >= 2 && arg.charAt(0) == '-' && WITH_VALUE.indexOf(arg.charAt(1)) >= 0) {
                    option = arg.charAt(1);
                    if (arg.length() > 2) {
                        value = arg.substring(2);
                    }
                } else if (arg.length() == 2 && arg.charAt(0) == '-' && FLAGS.indexOf(arg.charAt(1)) >= 0) {
                    option = arg.charAt(1);
                } else {
                    return declined((arg.startsWith("-") ? "option " : "argument ") + arg + " is not built in");
                }
                if (WITH_VALUE.indexOf(option) >= 0 && value == null) {
                    if (i + 1 >= args.size()) {
                        return declined("option -" + option + " has no value");
                    }
                    value = args.get(++i);
                }
                String why = apply(option, value);
                if (why != null) {
                    return declined(why);
                }
            }
            return finish();
        }

        private Parsed finish() {
            if (port <= 0) {
                return declined("no port (-p)");
            }
            List<String> strings = expects.isEmpty() && exact ? service.expects() : List.copyOf(expects);
            return new Parsed(new TcpOptions(host, hostGiven, port, send, strings, exact, all, quit, timeout,
                    warning, critical, refuse, mismatch, maxBytes, tls, certDays, hide), null);
        }

        /** Applies one option; the reason to decline when its value is one the plugin reads otherwise. */
        private String apply(char option, String value) {
            switch (option) {
                case 'H':
                    if (value.isEmpty() || value.startsWith("/") || value.startsWith("[")) {
                        return "-H " + value + ": only host names and addresses are built in";
                    }
                    host = value;
                    hostGiven = true;
                    return null;
                case 'p':
                    if (!value.matches(COUNT) || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
                        return "-p " + value + ": only ports 1 to 65535 are built in";
                    }
                    port = Integer.parseInt(value);
                    return null;
                case 's':
                    if (escape && endsInLoneBackslash(value)) {
                        return "-s ends in a lone backslash";
                    }
                    send = escape ? unescape(value) : value;
                    return null;
                case 'q':
                    if (escape && endsInLoneBackslash(value)) {
                        return "-q ends in a lone backslash";
                    }
                    quit = escape ? unescape(value) : value + "\r\n";
                    return null;
                case 'e':
                    exact = false;
                    expects.add(value);
                    return null;
                case 't':
                    if (!value.matches(COUNT) || Integer.parseInt(value) < 1) {
                        return "-t " + value + ": only a positive number of seconds is built in";
                    }
                    timeout = Integer.parseInt(value);
                    return null;
                case 'w':
                case 'c':
                    if (!value.matches(DECIMAL)) {
                        return "-" + option + " " + value + ": only plain decimal seconds are built in";
                    }
                    if (option == 'w') {
                        warning = Double.parseDouble(value);
                    } else {
                        critical = Double.parseDouble(value);
                    }
                    return null;
                case 'r':
                case 'M':
                    int state = stateOf(value);
                    if (state < 0) {
                        return "-" + option + " " + value + ": not one of ok, warn, crit";
                    }
                    if (option == 'r') {
                        refuse = state;
                    } else {
                        mismatch = state;
                    }
                    return null;
                case 'm':
                    if (!value.matches(COUNT) || Integer.parseInt(value) < 1) {
                        return "-m " + value + ": only a positive number of bytes is built in";
                    }
                    maxBytes = Integer.parseInt(value);
                    return null;
                case 'D':
                    if (!value.matches(COUNT + "(," + COUNT + ")?")) {
                        return "-D " + value + ": only DAYS or DAYS,DAYS is built in";
                    }
                    String[] days = value.split(",");
                    certDays = new int[] {Integer.parseInt(days[0]), days.length > 1 ? Integer.parseInt(days[1]) : 0};
                    tls = true;
                    return null;
                case 'E':
                    escape = true;
                    return null;
                case 'S':
                    tls = true;
                    return null;
                case 'j':
                    hide = true;
                    return null;
                case 'A':
                    all = true;
                    return null;
                default:
                    return "option -" + option + " is not built in";
            }
        }

        /** The plugin reads past the end of a string whose last backslash escapes nothing. */
        private static boolean endsInLoneBackslash(String value) {
            int n = 0;
            while (n < value.length() && value.charAt(value.length() - 1 - n) == '\\') {
                n++;
            }
            return n % 2 == 1;
        }

        private static int stateOf(String word) {
            if (word.startsWith("ok")) {
                return 0;
            }
            if (word.startsWith("warn")) {
                return 1;
            }
            return word.startsWith("crit") ? 2 : -1;
        }

        private Parsed declined(String why) {
            return new Parsed(null, service.plugin() + ": " + why);
        }
    }

    /** {@code -E}'s escapes: backslash n, r, t and backslash; before any other character the backslash goes. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
        }
        return out.toString();
    }
}
