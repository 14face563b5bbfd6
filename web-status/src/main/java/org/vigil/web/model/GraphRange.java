package org.vigil.web.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The spans the graphs are drawn over and the API's {@code range=} names, PNP4Nagios's default views: 4 hours,
 * 25 hours, a week, a month (30 days) and a year.
 */
public enum GraphRange {
    H4("4h", "4 hours", 4 * 3600L),
    H25("25h", "25 hours", 25 * 3600L),
    D7("7d", "7 days", 7 * 86400L),
    D30("30d", "30 days", 30 * 86400L),
    Y1("1y", "1 year", 365 * 86400L);

    /** Points a graph needs at most: finer rows are consolidated by the store. */
    public static final int POINTS = 400;

    private final String key;
    private final String title;
    private final long seconds;

    GraphRange(String key, String title, long seconds) {
        this.key = key;
        this.title = title;
        this.seconds = seconds;
    }

    /** The name in {@code range=}. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public long seconds() {
        return seconds;
    }

    /** Rows of at least this many seconds keep a span of {@code seconds} under {@link #POINTS} points or so. */
    public static long resolution(long seconds) {
        return Math.max(60, seconds / POINTS);
    }

    /** The range named {@code key} ({@code 4h}, {@code 25h}, {@code 7d}, {@code 30d}, {@code 1y}). */
    public static Optional<GraphRange> of(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
