package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast {@code %.10e} writes exactly what C's {@code printf("%.10e")} writes: against C's own text for 3,000
 * decimal ties, chosen values and 6,000 random ones ({@code printf-10e.txt}, written by Python's
 * {@code "%.10e" % v}, which rounds the exact binary value as glibc does), and against the exact value rounded by
 * {@link BigDecimal} for a million random values of every magnitude. (Java's own {@code %.10e} rounds the shortest
 * decimal, not the exact value: {@code 5e-324} is {@code 4.9000000000e-324} there, {@code 4.9406564584e-324} in C.)
 */
class DoubleFormatTest {

    @Test
    void sameTextAsCForTiesAndChosenValues() throws Exception {
        String[] lines = QueryBench.resource("/queries/printf-10e.txt").split("\n");
        assertThat(lines).hasSizeGreaterThan(9_000);
        for (String line : lines) {
            String[] parts = line.split(" ");
            double d = Double.parseDouble(parts[0]);
            assertThat(DoubleFormat.format(d)).as(parts[0]).isEqualTo(parts[1]);
        }
    }

    @Test
    void notANumberAndInfinitiesAsCWritesThem() {
        assertThat(DoubleFormat.format(Double.NaN)).isEqualTo("nan");
        assertThat(DoubleFormat.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(DoubleFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void sameTextAsTheExactValueRoundedForChosenValues() {
        double[] values = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 1.0E7, 12345.678, 0.1, 0.2, 0.3, 1e-5,
            9.999999999949, 0.000123456789012345, 123456789012345678.0, 1e22, 1e23, 1e-300, 5e-324,
            Double.MAX_VALUE, Double.MIN_NORMAL, 2.5, 0.25, 100.0, 99.99, 3.14159265358979, 4.35, 0.045};
        for (double d : values) {
            assertThat(DoubleFormat.format(d)).as("%s", d).isEqualTo(exact(d));
        }
    }

    @Test
    void sameTextAsTheExactValueRoundedForAMillionRandomValues() {
        Random random = new Random(18);
        for (int i = 0; i < 1_000_000; i++) {
            double d;
            switch (i % 4) {
                case 0: d = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20); break;
                case 1: d = Double.longBitsToDouble(random.nextLong()); break;
                case 2: d = random.nextInt(100_000) / 1000.0; break;
                default: d = -random.nextInt(1_000_000) / 7.0; break;
            }
            if (Double.isFinite(d)) {
                assertThat(DoubleFormat.format(d)).as("%s", d).isEqualTo(exact(d));
            }
        }
    }

    /** {@code d}'s exact value rounded half to even to 11 digits, then written by Java's %e (exact on decimals). */
    private static String exact(double d) {
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(11, RoundingMode.HALF_EVEN));
        String text = String.format(Locale.ROOT, "%.10e", rounded);
        return d == 0 && 1 / d < 0 ? "-" + text : text;
    }
}
