package org.vigil.livestatus.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as Livestatus prints them, C's {@code %.10e} ({@code 1.5000000000e+00}), without
 * {@link String#format}'s cost on every float of a large answer (Nagstamon asks for ten float columns of every
 * problem). The eleven significant digits come from one multiplication or division by an exact power of ten;
 * when that could round differently from C's rounding of the exact binary value (a value within a hair of a tie,
 * or a scale whose power of ten is not exact) the exact value is rounded with {@link BigDecimal}, as C rounds it
 * (Java's own {@code %e} rounds the shortest decimal instead, and differs at ties).
 */
final class DoubleFormat {

    private static final double[] POWERS = new double[23];
    private static final long LOW = 10_000_000_000L;
    private static final long HIGH = 100_000_000_000L;

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private DoubleFormat() {
    }

    static String format(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0.0000000000e+00" : "0.0000000000e+00";
        }
        if (!Double.isFinite(d)) {
            return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(d);
        int exponent = (int) Math.floor(Math.log10(abs));
        double scaled = scale(abs, 10 - exponent);
        if (scaled >= HIGH) {
            exponent++;
            scaled = scale(abs, 10 - exponent);
        } else if (scaled < LOW) {
            exponent--;
            scaled = scale(abs, 10 - exponent);
        }
        double fraction = scaled - Math.floor(scaled);
        if (Double.isNaN(scaled) || scaled < LOW || scaled >= HIGH || Math.abs(fraction - 0.5) < 1e-4) {
            return exactly(d);
        }
        long digits = Math.round(scaled);
        if (digits == HIGH) {
            digits = LOW;
            exponent++;
        }
        return text(d < 0, digits, exponent);
    }

    /** {@code d} rounded to eleven significant digits from its exact binary value, half to even as C does. */
    private static String exactly(double d) {
        BigDecimal rounded = new BigDecimal(Math.abs(d)).round(new MathContext(11, RoundingMode.HALF_EVEN));
        int precision = rounded.precision();
        long digits = rounded.unscaledValue().longValueExact();
        for (int i = precision; i < 11; i++) {
            digits *= 10;
        }
        return text(d < 0, digits, precision - rounded.scale() - 1);
    }

    /** {@code value * 10^power}, or NaN when the power of ten is not exact in a double. */
    private static double scale(double value, int power) {
        if (power >= 0) {
            return power < POWERS.length ? value * POWERS[power] : Double.NaN;
        }
        return -power < POWERS.length ? value / POWERS[-power] : Double.NaN;
    }

    private static String text(boolean negative, long digits, int exponent) {
        String s = Long.toString(digits);
        StringBuilder b = new StringBuilder(18);
        if (negative) {
            b.append('-');
        }
        b.append(s.charAt(0)).append('.').append(s, 1, 11).append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            b.append('0');
        }
        return b.append(e).toString();
    }
}
