package org.vigil.config.timeperiod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one date's wall-clock intervals into the real instants that show those wall-clock times in a zone.
 * Works offset segment by offset segment, so a range inside a spring-forward gap yields no instant, a range
 * over a fall-back overlap yields both passes (01:00-02:00 lasts two hours), and odd zones that repeat or skip
 * midnight come out right too.
 */
final class ZonedDay {

    private static final long DAY = 86_400;

    private ZonedDay() {
    }

    /** Sorted, merged {@code [start, end)} pairs of epoch seconds: start0, end0, start1, end1, ... */
    static long[] epochIntervals(LocalDate date, DayIntervals wall, ZoneId zone) {
        if (wall.isEmpty()) {
            return new long[0];
        }
        ZoneRules rules = zone.getRules();
        long wallMidnight = date.toEpochDay() * DAY;
        // offsets are at most 18 hours, so one day either side holds every instant showing this date
        long lo = wallMidnight - DAY;
        long hi = wallMidnight + 2 * DAY;
        List<long[]> pieces = new ArrayList<>();
        long segmentStart = lo;
        int offset = rules.getOffset(Instant.ofEpochSecond(lo)).getTotalSeconds();
        ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(lo));
        while (t != null && t.toEpochSecond() < hi) {
            addSegment(pieces, wall, wallMidnight - offset, segmentStart, t.toEpochSecond());
            segmentStart = t.toEpochSecond();
            offset = t.getOffsetAfter().getTotalSeconds();
            t = rules.nextTransition(t.getInstant());
        }
        addSegment(pieces, wall, wallMidnight - offset, segmentStart, hi);
        return merge(pieces);
    }

    private static void addSegment(List<long[]> out, DayIntervals wall, long midnight, long from, long to) {
        for (int i = 0; i < wall.count(); i++) {
            long start = Math.max(from, midnight + wall.startMinute(i) * 60L);
            long end = Math.min(to, midnight + wall.endMinute(i) * 60L);
            if (start < end) {
                out.add(new long[] {start, end});
            }
        }
    }

    private static long[] merge(List<long[]> pieces) {
        pieces.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[pieces.size() * 2];
        int n = 0;
        for (long[] p : pieces) {
            if (n > 0 && p[0] <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], p[1]);
            } else {
                out[n++] = p[0];
                out[n++] = p[1];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
