package org.vigil.checks.builtin.dummy;

import java.util.OptionalInt;

/**
 * An integer argument as monitoring-plugins' {@code is_integer} and {@code atoi} read it: only the characters
 * {@code -0123456789} and spaces, then C's {@code strtol} (leading spaces, an optional minus, the digits up to the
 * first other character; none is 0), within an {@code int}. So {@code "+1"} and {@code "1x"} are not integers, while
 * {@code " 1"}, {@code "1 2"} (1), {@code "1-"} (1) and {@code ""} (0) are.
 */
final class PluginInteger {

    private PluginInteger() {
    }

    static OptionalInt parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != ' ' && (c < '0' || c > '9')) {
                return OptionalInt.empty();
            }
        }
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        boolean negative = i < text.length() && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > 1L + Integer.MAX_VALUE) {
                return OptionalInt.empty();
            }
            i++;
        }
        long signed = negative ? -value : value;
        return signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE ? OptionalInt.empty()
                : OptionalInt.of((int) signed);
    }
}
