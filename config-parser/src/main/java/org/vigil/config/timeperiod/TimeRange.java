package org.vigil.config.timeperiod;

/**
 * One {@code HH:MM-HH:MM} range of wall-clock minutes of a day, {@code 0..1440}; the end is exclusive,
 * so {@code 09:00-17:00} ends at 17:00 and {@code 00:00-24:00} is the whole day.
 */
public record TimeRange(int startMinute, int endMinute) {

    public static final int MINUTES_PER_DAY = 24 * 60;

    public TimeRange {
        if (startMinute < 0 || startMinute > MINUTES_PER_DAY || endMinute < 0 || endMinute > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("minutes out of 0..1440: " + startMinute + "-" + endMinute);
        }
    }

    /** True when the range holds no time: {@code 00:00-00:00} (Nagios's "not this day") or a reversed range. */
    public boolean isEmpty() {
        return startMinute >= endMinute;
    }

    /** The range as Nagios prints it, {@code %02d:%02d-%02d:%02d}. */
    public String text() {
        return hhmm(startMinute) + "-" + hhmm(endMinute);
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
