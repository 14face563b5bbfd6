package org.vigil.web.history;

import java.util.Arrays;
import java.util.Collection;

/**
 * The history's events of one log file (or one stretch of the current log), in the file's order, kept in columns:
 * per event its time (8 bytes), what it is (1 byte: an {@link Archived} and whether soft) and its subject (4 bytes,
 * a number of the index's {@link SubjectNames}, -1 for a program entry), plus its place in its subject's list (4
 * bytes): 17 bytes an event, 1.7 MB per 100,000, and 8 bytes per subject the file names. A report replays the events
 * of its subjects, their hosts and the program in the file's order, so it sees what reading the file would give it.
 */
final class EventColumns {

    private static final Archived[] TYPES = Archived.values();
    private static final int SOFT = 0x40;
    /** Beyond one in how many events a replay walks every event rather than sorting the subjects' events. */
    private static final int MOST = 4;

    private final SubjectNames names;
    private final long[] times;
    private final byte[] types;
    private final int[] subjects;
    /** The subjects named, ascending; the events of {@code ids[i]} are {@code order[starts[i]..starts[i + 1])}. */
    private final int[] ids;
    private final int[] starts;
    private final int[] order;
    private final int[] program;

    private EventColumns(SubjectNames names, long[] times, byte[] types, int[] subjects) {
        this.names = names;
        this.times = times;
        this.types = types;
        this.subjects = subjects;
        int programs = 0;
        int[] sorted = new int[subjects.length];
        int n = 0;
        for (int s : subjects) {
            if (s < 0) {
                programs++;
            } else {
                sorted[n++] = s;
            }
        }
        ids = Arrays.stream(sorted, 0, n).sorted().distinct().toArray();
        int[] counts = new int[ids.length + 1];
        for (int s : subjects) {
            if (s >= 0) {
                counts[Arrays.binarySearch(ids, s) + 1]++;
            }
        }
        for (int i = 1; i < counts.length; i++) {
            counts[i] += counts[i - 1];
        }
        starts = counts.clone();
        order = new int[n];
        program = new int[programs];
        int p = 0;
        for (int i = 0; i < subjects.length; i++) {
            if (subjects[i] < 0) {
                program[p++] = i;
            } else {
                order[counts[Arrays.binarySearch(ids, subjects[i])]++] = i;
            }
        }
    }

    /** Collects the events of lines, naming their subjects in {@code names}. */
    static Builder builder(SubjectNames names) {
        return new Builder(names);
    }

    int size() {
        return times.length;
    }

    /** Marks in {@code named} the number of each host and service this file names. */
    void markNames(java.util.BitSet named) {
        for (int id : ids) {
            named.set(id);
        }
    }

    /** This file's events followed by {@code later}'s (the current log read in two stretches), as one. */
    EventColumns then(EventColumns later) {
        return new EventColumns(names, concat(times, later.times), concat(types, later.types),
                concat(subjects, later.subjects));
    }

    /**
     * Replays to {@code scan} the events of the {@code wanted} keys and of the program, in the file's order: their
     * lists merged when they hold a small part of the events, else every event (the scan skips the others).
     */
    void replay(Collection<String> wanted, LogScan scan) {
        int total = program.length;
        int[] found = new int[wanted.size()];
        int k = 0;
        for (String key : wanted) {
            int at = Arrays.binarySearch(ids, names.find(key));
            if (at >= 0) {
                found[k++] = at;
                total += starts[at + 1] - starts[at];
            }
        }
        if (total > times.length / MOST) {
            for (int i = 0; i < times.length; i++) {
                give(i, scan);
            }
            return;
        }
        int[] events = Arrays.copyOf(program, total);
        int n = program.length;
        for (int f = 0; f < k; f++) {
            int from = starts[found[f]];
            int length = starts[found[f] + 1] - from;
            System.arraycopy(order, from, events, n, length);
            n += length;
        }
        Arrays.sort(events);
        for (int i : events) {
            give(i, scan);
        }
    }

    private void give(int i, LogScan scan) {
        int s = subjects[i];
        scan.apply(times[i], TYPES[types[i] & ~SOFT], (types[i] & SOFT) != 0, s < 0 ? null : names.key(s),
                s < 0 ? null : names.host(s));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Collects events in the order of their lines. */
    static final class Builder {

        private final SubjectNames names;
        private long[] times = new long[1024];
        private byte[] types = new byte[1024];
        private int[] subjects = new int[1024];
        private int size;

        private Builder(SubjectNames names) {
            this.names = names;
        }

        /** Adds the event a log line holds, if any. */
        void line(String line) {
            if (!LogEvent.mayMatter(line)) {
                return;
            }
            LogEvent e = LogEvent.parse(line);
            if (e == null) {
                return;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                types = Arrays.copyOf(types, size * 2);
                subjects = Arrays.copyOf(subjects, size * 2);
            }
            times[size] = e.time();
            types[size] = (byte) (e.type().ordinal() | (e.soft() ? SOFT : 0));
            subjects[size] = e.host() == null ? -1 : names.id(e.key(), e.host());
            size++;
        }

        EventColumns build() {
            return new EventColumns(names, Arrays.copyOf(times, size), Arrays.copyOf(types, size),
                    Arrays.copyOf(subjects, size));
        }
    }
}
