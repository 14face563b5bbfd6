package org.vigil.engine.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Nagios 4's {@code check_statistics}: per {@link StatKind}, fifteen one-minute buckets counted from the program's
 * start, read as the counts over the last 1, 5 and 15 minutes with the current minute whole and the minute before
 * it weighted by how much of it still lies in the window ({@code update_check_stats} and
 * {@code generate_check_stats} of base/utils.c, 4.4.6). A new one per engine: Nagios starts its counts again at
 * every restart, a reload included. Counted from several threads (the check clock, the engine, the command file).
 */
public final class CheckStatistics {

    /** {@code CHECK_STATS_BUCKETS}. */
    static final int BUCKETS = 15;

    private final Clock clock;
    private final long programStart;
    private final Map<StatKind, Counter> counters = new EnumMap<>(StatKind.class);

    /** Counts from {@code programStart} on: the minute buckets are minutes since then, as in Nagios. */
    public CheckStatistics(Clock clock, Instant programStart) {
        this.clock = clock;
        this.programStart = programStart.getEpochSecond();
        for (StatKind k : StatKind.values()) {
            counters.put(k, new Counter());
        }
    }

    /** One event of {@code kind} now. */
    public synchronized void count(StatKind kind) {
        long now = clock.instant().getEpochSecond();
        Counter c = counters.get(kind);
        int bucket = bucketAt(now);
        c.advance(now, bucket);
        // the bucket of now, even when a long quiet spell cleared the buckets without moving the current one (so)
        c.bucket[bucket]++;
        c.lastUpdate = now;
    }

    /** The counts of {@code kind} over the last 1, 5 and 15 minutes, as status.dat writes them. */
    public synchronized int[] lastMinutes(StatKind kind) {
        long now = clock.instant().getEpochSecond();
        Counter c = counters.get(kind);
        c.advance(now, bucketAt(now));
        c.lastUpdate = now;
        return c.minuteStats(Math.floorMod(now - programStart, 60));
    }

    /** The bucket of {@code now}; a clock set back before the start (tests, a stepped clock) still finds one. */
    private int bucketAt(long now) {
        return (int) Math.floorMod(Math.floorDiv(now - programStart, 60), (long) BUCKETS);
    }

    /** The buckets of one kind. */
    private static final class Counter {
        final int[] bucket = new int[BUCKETS];
        /** The value the current bucket held a quarter of an hour ago, read as the minute before the oldest. */
        int overflow;
        int current;
        long lastUpdate;

        /** Clears what is older than the window and moves to {@code newCurrent}, as Nagios does at each count. */
        void advance(long now, int newCurrent) {
            if ((now - lastUpdate) / 60 > BUCKETS) {
                java.util.Arrays.fill(bucket, 0);
                overflow = 0;
            } else if (newCurrent != current) {
                for (int x = current; x < BUCKETS * 2; x++) {
                    int b = (x + BUCKETS + 1) % BUCKETS;
                    if (b == newCurrent) {
                        break;
                    }
                    bucket[b] = 0;
                }
                overflow = bucket[newCurrent];
                current = newCurrent;
                bucket[newCurrent] = 0;
            }
        }

        /**
         * The current minute whole plus the part of the one before that is still in the window, then each older
         * minute weighted the same way ({@code generate_check_stats}).
         */
        int[] minuteStats(long secondsIntoMinute) {
            double thisWeight = secondsIntoMinute / 60.0;
            double lastWeight = (60 - secondsIntoMinute) / 60.0;
            int[] stats = new int[3];
            for (int x = 0; x < BUCKETS; x++) {
                int thisBucket = (current + BUCKETS - x) % BUCKETS;
                int lastBucket = (thisBucket + BUCKETS - 1) % BUCKETS;
                int thisValue = bucket[thisBucket];
                int lastValue = lastBucket == current ? overflow : bucket[lastBucket];
                // float weights in C: the products are taken in float precision
                int value = x == 0 ? (int) (thisValue + Math.floor((float) (lastValue * (float) lastWeight)))
                        : (int) (Math.ceil((float) (thisValue * (float) thisWeight))
                        + Math.floor((float) (lastValue * (float) lastWeight)));
                if (x == 0) {
                    stats[0] = value;
                }
                if (x < 5) {
                    stats[1] += value;
                }
                stats[2] += value;
            }
            return stats;
        }
    }
}
