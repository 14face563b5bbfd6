package org.vigil.config.timeperiod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The active wall-clock minutes of one day as sorted, disjoint, non-empty {@code [start, end)} pairs, the
 * form a day is cached in once exclusions have been taken out. Immutable.
 */
final class DayIntervals {

    static final DayIntervals NONE = new DayIntervals(new int[0]);

    /** start0, end0, start1, end1, ... in minutes of the day. */
    private final int[] bounds;

    private DayIntervals(int[] bounds) {
        this.bounds = bounds;
    }

    /** The union of {@code ranges}; empty and reversed ranges hold no time. */
    static DayIntervals of(TimeRanges ranges) {
        List<int[]> pairs = new ArrayList<>();
        for (TimeRange r : ranges.ranges()) {
            if (!r.isEmpty()) {
                pairs.add(new int[] {r.startMinute(), r.endMinute()});
            }
        }
        pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] out = new int[pairs.size() * 2];
        int n = 0;
        for (int[] p : pairs) {
            if (n > 0 && p[0] <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], p[1]);
            } else {
                out[n++] = p[0];
                out[n++] = p[1];
            }
        }
        return n == 0 ? NONE : new DayIntervals(Arrays.copyOf(out, n));
    }

    /** These minutes without those of {@code other}: how an exclusion removes time from a period. */
    DayIntervals minus(DayIntervals other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        int[] out = new int[bounds.length + other.bounds.length];
        int n = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            int start = bounds[i];
            int end = bounds[i + 1];
            for (int j = 0; j < other.bounds.length && start < end; j += 2) {
                int cutStart = other.bounds[j];
                int cutEnd = other.bounds[j + 1];
                if (cutEnd <= start || cutStart >= end) {
                    continue;
                }
                if (cutStart > start) {
                    out[n++] = start;
                    out[n++] = cutStart;
                }
                start = Math.max(start, cutEnd);
            }
            if (start < end) {
                out[n++] = start;
                out[n++] = end;
            }
        }
        return n == 0 ? NONE : new DayIntervals(Arrays.copyOf(out, n));
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    boolean containsSecond(int secondOfDay) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (secondOfDay >= bounds[i] * 60 && secondOfDay < bounds[i + 1] * 60) {
                return true;
            }
        }
        return false;
    }

    int count() {
        return bounds.length / 2;
    }

    int startMinute(int i) {
        return bounds[2 * i];
    }

    int endMinute(int i) {
        return bounds[2 * i + 1];
    }

    List<TimeRange> ranges() {
        List<TimeRange> out = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            out.add(new TimeRange(startMinute(i), endMinute(i)));
        }
        return out;
    }
}
