package org.vigil.checks.output;

/** Nagios 4.4.6's split of raw plugin output into status text, long output and perfdata. */
final class OutputSplitter {

    private OutputSplitter() {
    }

    static PluginOutput split(String raw, String placeholder) {
        String buf = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
        int eol = buf.indexOf('\n');
        String first = eol < 0 ? buf : buf.substring(0, eol);
        StringBuilder perf = new StringBuilder();
        String text;
        if (first.isEmpty()) {
            text = null;
        } else {
            int bar = first.indexOf('|');
            text = bar < 0 ? first : first.substring(0, bar);
            if (bar >= 0) {
                perf.append(first, bar + 1, first.length());
            }
        }
        String longText = eol < 0 ? "" : splitRest(buf.substring(eol + 1), perf);
        String status = text == null ? placeholder : strip(text).replace(';', ':');
        return new PluginOutput(status, longText, strip(perf.toString()));
    }

    /** Lines after the first: long output until a {@code |}, then perfdata, each later line followed by a space. */
    private static String splitRest(String rest, StringBuilder perf) {
        StringBuilder longText = new StringBuilder();
        boolean inPerf = false;
        int start = 0;
        int lineNo = 2;
        while (start <= rest.length()) {
            int end = rest.indexOf('\n', start);
            if (end < 0) {
                end = rest.length();
            }
            String line = rest.substring(start, end);
            if (inPerf) {
                perf.append(line).append(' ');
            } else {
                int bar = line.indexOf('|');
                if (lineNo > 2) {
                    longText.append('\n');
                }
                longText.append(bar < 0 ? line : line.substring(0, bar));
                if (bar >= 0) {
                    inPerf = true;
                    if (bar + 1 < line.length()) {
                        // Nagios pads the perfdata found on a long-output line with a space on each side.
                        perf.append(' ').append(line, bar + 1, line.length()).append(' ');
                    }
                }
            }
            start = end + 1;
            lineNo++;
        }
        return longText.toString();
    }

    /** Nagios's strip(): spaces, tabs, CR and LF off both ends. */
    static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (e > 0 && isBlank(s.charAt(e - 1))) {
            e--;
        }
        while (b < e && isBlank(s.charAt(b))) {
            b++;
        }
        return s.substring(b, e);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
