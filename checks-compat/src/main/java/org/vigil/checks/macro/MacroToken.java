package org.vigil.checks.macro;

/**
 * The text between two dollars, split as Nagios splits it: {@code NAME:arg1:arg2}, where arg2 keeps any further
 * colons. Absent arguments are null; {@code $HOSTNAME:$} has an empty, not an absent, first argument.
 */
record MacroToken(String name, String arg1, String arg2) {

    static MacroToken parse(String text) {
        int c1 = text.indexOf(':');
        if (c1 < 0) {
            return new MacroToken(text, null, null);
        }
        int c2 = text.indexOf(':', c1 + 1);
        if (c2 < 0) {
            return new MacroToken(text.substring(0, c1), text.substring(c1 + 1), null);
        }
        return new MacroToken(text.substring(0, c1), text.substring(c1 + 1, c2), text.substring(c2 + 1));
    }

    /** C's strtoul on a timestamp argument: leading digits, 0 when none. */
    static long timestamp(String text) {
        long v = 0;
        for (int i = 0; i < text.length() && Character.isDigit(text.charAt(i)) && v < Long.MAX_VALUE / 10 - 10; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    /** C's atoi on what follows {@code from}: leading digits, 0 when none (capped, as no index is that large). */
    static int number(String text, int from) {
        int v = 0;
        for (int i = from; i < text.length() && Character.isDigit(text.charAt(i)) && v < 100_000; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }
}
