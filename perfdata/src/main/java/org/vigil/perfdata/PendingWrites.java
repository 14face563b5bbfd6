package org.vigil.perfdata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.perfdata.rrd.MetricMeta;

/**
 * Perfdata values waiting to be written, held per host check or service as rrdcached holds updates per file: the
 * values of one check are written together, each metric's in one open of its file, when the check is due. A check
 * becomes due between half of {@code flushMillis} and all of it after its first waiting value (a random delay per
 * check, like rrdcached's {@code -z}, so the writes of checks that started together spread over the interval), or at
 * once when more than {@code maxPending} values wait (the check holding values longest first), or when a reader asks
 * for it.
 * {@link #add} and {@link #nextDue} belong to the store's thread; {@link Batch#drain} may come from any thread.
 */
final class PendingWrites {

    /** A host check ({@code service} null) or a service. */
    record Check(String host, String service) {
    }

    /** One metric's waiting values, oldest first, with the meta of its last value. */
    static final class Metric {
        MetricMeta meta;
        long[] times = new long[4];
        double[] values = new double[4];
        int count;

        void add(MetricMeta m, long time, double value) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            meta = m;
            times[count] = time;
            values[count++] = value;
        }
    }

    /** The waiting values of one check; its monitor guards them, and a flush holds it while it writes. */
    final class Batch {
        final Check check;
        private final Map<String, Metric> metrics = new LinkedHashMap<>();
        private volatile long version;
        /** Which scheduling is current: queue entries of an earlier one are stale. */
        private long round;
        private boolean scheduled;

        Batch(Check check) {
            this.check = check;
        }

        /**
         * The metrics with waiting values, copied out and emptied; the caller holds this batch's monitor until it has
         * written them, so a reader that flushes waits for a write in progress.
         */
        List<Metric> drain() {
            List<Metric> out = new ArrayList<>();
            for (Metric m : metrics.values()) {
                if (m.count > 0) {
                    Metric copy = new Metric();
                    copy.meta = m.meta;
                    copy.times = Arrays.copyOf(m.times, m.count);
                    copy.values = Arrays.copyOf(m.values, m.count);
                    copy.count = m.count;
                    pending.addAndGet(-m.count);
                    m.count = 0;
                    out.add(copy);
                }
            }
            return out;
        }
    }

    private final long flushMillis;
    private final long maxPending;
    private final Map<Check, Batch> batches = new ConcurrentHashMap<>();
    /** A check's place in the queues for one scheduling ({@code round}). */
    private record Entry(Batch batch, long round, long due) {
        boolean current() {
            return batch.scheduled && batch.round == round;
        }
    }

    private final PriorityQueue<Entry> due = new PriorityQueue<>(Comparator.comparingLong(Entry::due));
    /** The same entries in the order they were scheduled: the oldest held values first. */
    private final ArrayDeque<Entry> held = new ArrayDeque<>();
    private final AtomicLong pending = new AtomicLong();

    PendingWrites(long flushMillis, long maxPending) {
        this.flushMillis = flushMillis;
        this.maxPending = maxPending;
    }

    /** Holds {@code value} of {@code meta}'s metric at {@code time} (seconds); the store's thread. */
    void add(MetricMeta meta, long time, double value, long nowMillis) {
        Check c = new Check(meta.key().host(), meta.key().service());
        Batch b = batches.computeIfAbsent(c, Batch::new);
        synchronized (b) {
            b.metrics.computeIfAbsent(meta.key().label(), k -> new Metric()).add(meta, time, value);
            b.version++;
            pending.incrementAndGet();
        }
        if (!b.scheduled) {
            b.scheduled = true;
            b.round++;
            long half = flushMillis / 2;
            Entry e = new Entry(b, b.round, nowMillis + half + (flushMillis - half <= 0 ? 0
                    : ThreadLocalRandom.current().nextLong(flushMillis - half + 1)));
            due.add(e);
            held.add(e);
        }
    }

    /** The next check to write now: one due at {@code nowMillis}, or the longest held while too many values wait. */
    Batch nextDue(long nowMillis) {
        while (!due.isEmpty() && !due.peek().current()) {
            due.poll();
        }
        while (!held.isEmpty() && !held.peek().current()) {
            held.poll();
        }
        Entry e;
        if (!due.isEmpty() && due.peek().due() <= nowMillis) {
            e = due.poll();
        } else if (pending.get() > maxPending && !held.isEmpty()) {
            e = held.poll();
        } else {
            return null;
        }
        e.batch().scheduled = false;
        return e.batch();
    }

    /** Milliseconds until the next check is due (a long time when none waits); the store's thread. */
    long millisToNext(long nowMillis) {
        while (!due.isEmpty() && !due.peek().current()) {
            due.poll();
        }
        return due.isEmpty() ? Long.MAX_VALUE : Math.max(0, due.peek().due() - nowMillis);
    }

    /** The waiting values of {@code host}'s check ({@code service} null) or its service; null when none came. */
    Batch of(String host, String service) {
        return batches.get(new Check(host, service));
    }

    /** A number that changes with each value received for the check: 0 when none came since the start. */
    long version(String host, String service) {
        Batch b = of(host, service);
        return b == null ? 0 : b.version;
    }

    /** Every check that received values. */
    Collection<Batch> all() {
        return batches.values();
    }

    /** Values waiting now. */
    long pending() {
        return pending.get();
    }

    /** Checks with values waiting or written since the start (one small entry each). */
    int checks() {
        return batches.size();
    }

    long maxPending() {
        return maxPending;
    }
}
