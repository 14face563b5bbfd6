package org.vigil.perfdata;

import java.util.OptionalDouble;

/** How values are written for the receivers, and which thresholds are numbers. */
final class Numbers {

    private static final java.util.regex.Pattern PLAIN =
            java.util.regex.Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private Numbers() {
    }

    /**
     * {@code v} as both receivers read it: whole numbers without a fraction ({@code 42}), others as Java writes a
     * double ({@code 0.25}, {@code 1.0E-5}: Python's float() and Go's ParseFloat read both).
     */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * A warn or crit threshold that is a plain number ({@code 80}); empty for a range ({@code 10:20}, {@code @5},
     * {@code ~:3}) or none. Icinga 2's writers send only these too: a range is not one value.
     */
    static OptionalDouble threshold(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(text));
    }
}
