package org.vigil.checks.builtin.load;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * C's {@code strtod} and {@code printf("%.Nf")} for the numbers check_load reads and prints, in the C numeric locale
 * (the plugin sets {@code LC_NUMERIC} to POSIX). Java's own formatting rounds the shortest decimal of a double half
 * up, where glibc rounds the exact binary value half to even ({@code 0.545} is a little above 0.545, {@code 0.125}
 * a tie): so the exact value is rounded here.
 */
final class CFloat {

    private CFloat() {
    }

    /** What {@link #strtod} read: the value (0 when nothing) and the index after it ({@code from} when nothing). */
    record Read(double value, int end) {
    }

    /** Thrown when strtod would read something this class does not (hexadecimal, {@code inf}, {@code nan}). */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    /** {@code strtod(text + from, &end)} for decimal numbers: spaces, a sign, digits with a point, an exponent. */
    static Read strtod(String text, int from) throws Unsupported {
        int i = from;
        while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        int start = i;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        String rest = text.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.startsWith("0x") || rest.startsWith("i") || rest.startsWith("n")) {
            throw new Unsupported("'" + text.substring(from) + "' (hexadecimal, inf and nan are left to the plugin)");
        }
        int digits = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return new Read(0, from);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < text.length() && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            if (e < text.length() && isDigit(text.charAt(e))) {
                while (e < text.length() && isDigit(text.charAt(e))) {
                    e++;
                }
                i = e;
            }
        }
        double value = Double.parseDouble(text.substring(start, i));
        if (Double.isInfinite(value)) {
            throw new Unsupported("'" + text.substring(from) + "' (beyond a double: the plugin prints inf)");
        }
        return new Read(value, i);
    }

    /** {@code printf("%.<decimals>f", value)} for a finite value. */
    static String fixed(double value, int decimals) {
        String digits = new BigDecimal(Math.abs(value)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        return negative ? "-" + digits : digits;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
