package org.vigil.web.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history's events of one log file (or one stretch of the current log), in the file's order, kept in columns:
 * per event its time (8 bytes), what it is (1 byte: an {@link Archived} and whether soft) and its subject (4 bytes,
 * an index into the file's subjects, -1 for a program entry), plus each event's place in its subject's list (4
 * bytes): 17 bytes an event, 1.7 MB per 100,000, and the subjects' names once each. A report replays the events of
 * its subjects, their hosts and the program in the file's order, so it sees what reading the file would give it.
 */
final class EventColumns {

    private static final Archived[] TYPES = Archived.values();
    private static final int SOFT = 0x40;
    /** Beyond how many keys a replay walks every event rather than merging the keys' lists. */
    private static final int FEW_KEYS = 64;

    private final long[] times;
    private final byte[] types;
    private final int[] subjects;
    /** Per subject: its key ({@code host} or {@code host;service}) and its host. */
    private final String[] keys;
    private final String[] hosts;
    private final Map<String, int[]> byKey;
    private final int[] program;

    private EventColumns(Builder b) {
        int n = b.size;
        times = Arrays.copyOf(b.times, n);
        types = Arrays.copyOf(b.types, n);
        subjects = Arrays.copyOf(b.subjects, n);
        keys = b.keys.toArray(String[]::new);
        hosts = b.hosts.toArray(String[]::new);
        int[] counts = new int[keys.length];
        int programs = 0;
        for (int s : subjects) {
            if (s < 0) {
                programs++;
            } else {
                counts[s]++;
            }
        }
        int[][] lists = new int[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            lists[i] = new int[counts[i]];
        }
        program = new int[programs];
        int[] filled = new int[keys.length];
        int p = 0;
        for (int i = 0; i < n; i++) {
            int s = subjects[i];
            if (s < 0) {
                program[p++] = i;
            } else {
                lists[s][filled[s]++] = i;
            }
        }
        byKey = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            byKey.put(keys[i], lists[i]);
        }
    }

    /** The events of {@code line}s, in their order. */
    static Builder builder() {
        return new Builder();
    }

    int size() {
        return times.length;
    }

    /** This file's events followed by {@code later}'s (the current log read in two stretches), as one. */
    EventColumns then(EventColumns later) {
        Builder b = new Builder();
        copyInto(b);
        later.copyInto(b);
        return b.build();
    }

    private void copyInto(Builder b) {
        for (int i = 0; i < times.length; i++) {
            int s = subjects[i];
            b.add(times[i], types[i], s < 0 ? null : keys[s], s < 0 ? null : hosts[s]);
        }
    }

    /** Replays to {@code scan} the events of {@code wanted} keys and of the program, in the file's order. */
    void replay(Collection<String> wanted, LogScan scan) {
        if (wanted.size() > FEW_KEYS) {
            for (int i = 0; i < times.length; i++) {
                give(i, scan);
            }
            return;
        }
        List<int[]> lists = new ArrayList<>();
        int total = program.length;
        lists.add(program);
        for (String k : wanted) {
            int[] l = byKey.get(k);
            if (l != null) {
                lists.add(l);
                total += l.length;
            }
        }
        int[] order = new int[total];
        int at = 0;
        for (int[] l : lists) {
            System.arraycopy(l, 0, order, at, l.length);
            at += l.length;
        }
        Arrays.sort(order);
        for (int i : order) {
            give(i, scan);
        }
    }

    private void give(int i, LogScan scan) {
        int s = subjects[i];
        scan.apply(times[i], TYPES[types[i] & ~SOFT], (types[i] & SOFT) != 0, s < 0 ? null : keys[s],
                s < 0 ? null : hosts[s]);
    }

    /** Collects events in order, each subject's names once. */
    static final class Builder {

        private long[] times = new long[1024];
        private byte[] types = new byte[1024];
        private int[] subjects = new int[1024];
        private int size;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> keys = new ArrayList<>();
        private final List<String> hosts = new ArrayList<>();

        /** Adds the event a log line holds, if any. */
        void line(String line) {
            if (!LogEvent.mayMatter(line)) {
                return;
            }
            LogEvent e = LogEvent.parse(line);
            if (e != null) {
                add(e.time(), (byte) (e.type().ordinal() | (e.soft() ? SOFT : 0)), e.key(), e.host());
            }
        }

        private void add(long time, byte type, String key, String host) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                types = Arrays.copyOf(types, size * 2);
                subjects = Arrays.copyOf(subjects, size * 2);
            }
            times[size] = time;
            types[size] = type;
            subjects[size] = key == null ? -1 : ids.computeIfAbsent(key, k -> {
                keys.add(k);
                hosts.add(host);
                return keys.size() - 1;
            });
            size++;
        }

        EventColumns build() {
            return new EventColumns(this);
        }
    }
}
