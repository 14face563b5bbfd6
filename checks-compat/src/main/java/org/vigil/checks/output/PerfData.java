package org.vigil.checks.output;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsed performance data. Nagios itself never parses perfdata, so a malformed item must never fail a check: it is
 * kept as its raw text in {@link #malformed()} and the other items are still read.
 */
public record PerfData(List<PerfValue> values, List<String> malformed) {

    private static final Pattern VALUE = Pattern.compile("([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)(\\D*)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    public PerfData {
        values = List.copyOf(values);
        malformed = List.copyOf(malformed);
    }

    public static final PerfData EMPTY = new PerfData(List.of(), List.of());

    public static PerfData parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<PerfValue> values = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int end = itemEnd(text, i);
            String item = text.substring(i, end);
            PerfValue v = parseItem(item);
            if (v == null) {
                malformed.add(item);
            } else {
                values.add(v);
            }
            i = end;
        }
        return new PerfData(values, malformed);
    }

    /** Where the item starting at {@code start} ends: the first blank outside a quoted label. */
    private static int itemEnd(String s, int start) {
        int i = start;
        if (s.charAt(i) == '\'') {
            i++;
            while (i < s.length()) {
                if (s.charAt(i) == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                i++;
            }
        }
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** One item, or null when it does not follow the plugin guidelines' format. */
    static PerfValue parseItem(String item) {
        String label;
        int eq;
        if (item.startsWith("'")) {
            StringBuilder sb = new StringBuilder();
            int i = 1;
            boolean closed = false;
            while (i < item.length()) {
                char c = item.charAt(i);
                if (c == '\'') {
                    if (i + 1 < item.length() && item.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    break;
                }
                sb.append(c);
                i++;
            }
            if (!closed || i >= item.length() || item.charAt(i) != '=') {
                return null;
            }
            label = sb.toString();
            eq = i;
        } else {
            eq = item.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            label = item.substring(0, eq);
        }
        if (label.isEmpty()) {
            return null;
        }
        String[] f = item.substring(eq + 1).split(";", -1);
        double value;
        String unit;
        if (f[0].equals("U")) {
            value = Double.NaN;
            unit = "";
        } else {
            Matcher m = VALUE.matcher(f[0]);
            if (!m.matches()) {
                return null;
            }
            value = Double.parseDouble(m.group(1));
            unit = m.group(2);
        }
        OptionalDouble min = number(f, 3);
        OptionalDouble max = number(f, 4);
        if (min == null || max == null) {
            return null;
        }
        return new PerfValue(label, value, unit, field(f, 1), field(f, 2), min, max);
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    /** The numeric field {@code i}: empty when absent or blank, null when present but not a number. */
    private static OptionalDouble number(String[] f, int i) {
        String s = field(f, i);
        if (s.isEmpty()) {
            return OptionalDouble.empty();
        }
        return NUMBER.matcher(s).matches() ? OptionalDouble.of(Double.parseDouble(s)) : null;
    }
}
