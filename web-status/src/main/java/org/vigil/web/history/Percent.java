package org.vigil.web.history;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as avail.cgi prints them ({@code %2.3f%%}): the double's exact value rounded half-even, as glibc does. */
public final class Percent {

    private Percent() {
    }

    /** {@code 12.346%} for 12.3456. */
    public static String format(double percent) {
        return new BigDecimal(percent).setScale(3, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** {@code part} of {@code whole} in percent; 0 when {@code whole} is 0. */
    static double of(long part, long whole) {
        return whole <= 0 ? 0.0 : part * 100.0 / whole;
    }

    /** avail.cgi's {@code %dd %dh %dm %ds}. */
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h " + (s % 3600 / 60) + "m " + (s % 60) + "s";
    }
}
