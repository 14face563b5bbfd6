package org.vigil.checks.builtin.load;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * check_load's arguments read as monitoring-plugins 2.3.3 reads them: {@code getopt_long} with {@code "Vhrc:w:n:"}
 * (bundled short options, a value joined or in the next argument, long options by any unambiguous prefix, arguments
 * that are not options skipped, {@code --} ending the options), each {@code -w}/{@code -c} read as it comes, then
 * {@code validate_arguments}. The plugin's non-option thresholds are never read (its test of them compares
 * {@code optind - argc} with 1 and 2, which it cannot be), so they are skipped here too. What the built-in does not
 * do exactly gives a reason to decline instead: {@code -h}, {@code -V}, {@code -n} above 0 (it runs {@code ps}),
 * {@code --extra-opts}, an option getopt refuses (its message names the plugin's path on stderr).
 */
final class LoadArguments {

    static final String USAGE = "Usage:\ncheck_load [-r] -w WLOAD1,WLOAD5,WLOAD15 -c CLOAD1,CLOAD5,CLOAD15"
            + " [-n NUMBER_OF_PROCS]\n";
    private static final List<String> LONG = List.of("warning", "critical", "percpu", "version", "help",
            "procs-to-show");
    private static final char[] LONG_SHORT = {'w', 'c', 'r', 'V', 'h', 'n'};
    private static final Pattern ATOI = Pattern.compile("[ \t\n\u000b\f\r]*([+-]?)([0-9]+).*", Pattern.DOTALL);
    private static final int[] MINUTES = {1, 5, 15};

    private LoadArguments() {
    }

    /** What the arguments come to: options, the plugin's own answer (exit 3, before any load is read), or why not. */
    sealed interface Outcome permits Options, Answer, Declined {
    }

    /** Thresholds for the 1-, 5- and 15-minute averages; {@code perCpu} divides the averages by the CPU count. */
    record Options(double[] warning, double[] critical, boolean perCpu) implements Outcome {
    }

    /** The plugin stops on the arguments with this output, exit code 3 (UNKNOWN). */
    record Answer(String stdout) implements Outcome {
    }

    /** The built-in leaves the line to the plugin. */
    record Declined(String why) implements Outcome {
    }

    static Outcome parse(List<String> args, Map<String, String> environment) {
        for (String a : args) {
            if (a.startsWith("--extra-opts")) {
                return new Declined("check_load --extra-opts (an ini file the plugin reads) is left to the plugin");
            }
        }
        if (args.isEmpty()) {
            return new Answer("check_load: Could not parse arguments\n" + USAGE);
        }
        try {
            return new Reader(args, environment.containsKey("POSIXLY_CORRECT")).read();
        } catch (Decline d) {
            return new Declined("check_load " + d.getMessage());
        } catch (LoadThresholds.NotAFloat e) {
            return new Answer(e.getMessage() + "\n\n" + USAGE);
        }
    }

    /** Why the built-in leaves a line to the plugin. */
    private static final class Decline extends Exception {
        Decline(String message) {
            super(message);
        }
    }

    private static final class Reader {
        private final List<String> args;
        private final boolean posixlyCorrect;
        private double[] warning = new double[3];
        private double[] critical = new double[3];
        private boolean perCpu;

        Reader(List<String> args, boolean posixlyCorrect) {
            this.args = args;
            this.posixlyCorrect = posixlyCorrect;
        }

        Outcome read() throws Decline, LoadThresholds.NotAFloat {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--")) {
                    break;
                } else if (arg.startsWith("--")) {
                    i = longOption(arg, i);
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    i = shortOptions(arg, i);
                } else {
                    if (posixlyCorrect) {
                        throw new Decline("with POSIXLY_CORRECT set (getopt stops at " + arg + ") is left to the"
                                + " plugin");
                    }
                }
            }
            return validate();
        }

        private int longOption(String arg, int i) throws Decline, LoadThresholds.NotAFloat {
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            int match = -1;
            for (int k = 0; k < LONG.size(); k++) {
                if (LONG.get(k).equals(name)) {
                    match = k;
                    break;
                }
                if (LONG.get(k).startsWith(name)) {
                    if (match >= 0) {
                        throw new Decline("option " + arg + " is ambiguous (getopt refuses it)");
                    }
                    match = k;
                }
            }
            if (match < 0 || name.isEmpty()) {
                throw new Decline("option " + arg + " is not one the plugin knows");
            }
            char option = LONG_SHORT[match];
            if ("rVh".indexOf(option) >= 0) {
                if (eq >= 0) {
                    throw new Decline("option " + arg + " takes no value (getopt refuses it)");
                }
                return apply(option, null, i);
            }
            if (eq >= 0) {
                return apply(option, arg.substring(eq + 1), i);
            }
            return apply(option, null, i);
        }

        private int shortOptions(String arg, int i) throws Decline, LoadThresholds.NotAFloat {
            for (int j = 1; j < arg.length(); j++) {
                char c = arg.charAt(j);
                if (c == 'r') {
                    perCpu = true;
                } else if (c == 'w' || c == 'c' || c == 'n') {
                    return apply(c, j + 1 < arg.length() ? arg.substring(j + 1) : null, i);
                } else {
                    return apply(c, null, i);
                }
            }
            return i;
        }

        /** Applies one option, its value given or (null) the next argument; the index of the last argument used. */
        private int apply(char option, String joined, int i) throws Decline, LoadThresholds.NotAFloat {
            if (option == 'r') {
                perCpu = true;
                return i;
            }
            if (option == 'h' || option == 'V') {
                throw new Decline("-" + option + " (its help and version screens) is left to the plugin");
            }
            if (option != 'w' && option != 'c' && option != 'n') {
                throw new Decline("option -" + option + " is not one the plugin knows");
            }
            String value = joined;
            int last = i;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new Decline("-" + option + " without a value (getopt refuses it)");
                }
                value = args.get(++last);
            }
            if (option == 'n') {
                procsToShow(value);
                return last;
            }
            try {
                double[] th = LoadThresholds.read(value);
                if (option == 'w') {
                    warning = th;
                } else {
                    critical = th;
                }
            } catch (CFloat.Unsupported e) {
                throw new Decline("-" + option + " " + e.getMessage());
            }
            return last;
        }

        /** {@code -n}: atoi of the value; above 0 the plugin runs {@code ps} for its top processes, else nothing. */
        private void procsToShow(String value) throws Decline {
            Matcher m = ATOI.matcher(value);
            if (m.matches() && !m.group(1).equals("-") && !m.group(2).matches("0+")) {
                throw new Decline("-n " + value + " (the top processes, from ps) is left to the plugin");
            }
        }

        private Outcome validate() {
            for (int i = 0; i < 3; i++) {
                if (critical[i] < 0) {
                    return new Answer("Critical threshold for " + MINUTES[i] + "-minute load average is not"
                            + " specified\n");
                }
                if (warning[i] < 0) {
                    return new Answer("Warning threshold for " + MINUTES[i] + "-minute load average is not"
                            + " specified\n");
                }
                if (warning[i] > critical[i]) {
                    return new Answer("Parameter inconsistency: " + MINUTES[i] + "-minute \"warning load\" is greater"
                            + " than \"critical load\"\n");
                }
            }
            return new Options(warning, critical, perCpu);
        }
    }
}
