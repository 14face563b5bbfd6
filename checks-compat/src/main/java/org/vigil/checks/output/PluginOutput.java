package org.vigil.checks.output;

/**
 * What a plugin printed, split as Nagios 4.4.6 splits it: status text, long output, performance data.
 *
 * <p>The rules, each observed on nagios4 4.4.6 (see {@code PluginOutputTest}): one trailing newline is dropped;
 * the first line is the status text, and a {@code |} on it starts perfdata for the rest of that line; the following
 * lines are long output until a line holding a {@code |}: its text before the {@code |} is the last long output,
 * and everything after it, on all following lines, is perfdata. Perfdata pieces are joined with spaces exactly as
 * Nagios joins them, then the status text and the perfdata are trimmed of spaces, tabs, CR and LF; long output is
 * kept as printed. A {@code ;} in the status text becomes {@code :}. An empty first line gives no status text, for
 * which Nagios stores a placeholder ({@link #NO_SERVICE_OUTPUT}, {@link #NO_HOST_OUTPUT}).
 *
 * @param text the status text (never null)
 * @param longText the long output with real newlines, "" when none
 * @param perfData the raw performance data, "" when none
 */
public record PluginOutput(String text, String longText, String perfData) {

    /** What Nagios stores for a service whose plugin printed no first line. */
    public static final String NO_SERVICE_OUTPUT = "(No output returned from plugin)";
    /** What Nagios stores for a host whose plugin printed no first line. */
    public static final String NO_HOST_OUTPUT = "(No output returned from host check)";

    public PluginOutput {
        text = text == null ? "" : text;
        longText = longText == null ? "" : longText;
        perfData = perfData == null ? "" : perfData;
    }

    /** Parses a service check's output. */
    public static PluginOutput parse(String stdout) {
        return parse(stdout, NO_SERVICE_OUTPUT);
    }

    /** Parses output, using {@code placeholder} as the status text when the first line is empty. */
    public static PluginOutput parse(String stdout, String placeholder) {
        return OutputSplitter.split(stdout == null ? "" : stdout, placeholder);
    }

    /**
     * The long output as Nagios keeps it in memory and writes it to status.dat, and as {@code $LONGSERVICEOUTPUT$}
     * gives it: backslashes doubled, newlines as the two characters {@code \n}.
     */
    public String escapedLongText() {
        return escape(longText);
    }

    /** Nagios's escaping of backslashes and newlines. */
    public static String escape(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The parsed perfdata items. */
    public PerfData perf() {
        return PerfData.parse(perfData);
    }
}
