package org.vigil.livestatus.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where waiting requests ({@code WaitTrigger:}) hear of events: the engine's listener ({@link TriggerListener}) and
 * the server's own COMMAND lines call {@link #fire}; a waiting connection thread sleeps in {@link #await} until an
 * event of its kind (or any, for {@code all}) happens after the count it last saw. Firing never blocks: the engine
 * thread only bumps a counter and wakes the sleepers.
 */
public final class WaitTriggers {

    private final Map<WaitTrigger, AtomicLong> counts = new EnumMap<>(WaitTrigger.class);
    private final Object changed = new Object();

    public WaitTriggers() {
        for (WaitTrigger t : WaitTrigger.values()) {
            counts.put(t, new AtomicLong());
        }
    }

    /** An event of {@code kind} happened (counted for {@code all} too). */
    public void fire(WaitTrigger kind) {
        counts.get(kind).incrementAndGet();
        counts.get(WaitTrigger.ALL).incrementAndGet();
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** How many events of {@code kind} there have been: what {@link #await} compares with. */
    public long count(WaitTrigger kind) {
        return counts.get(kind).get();
    }

    /**
     * Sleeps until an event of {@code kind} happens after {@code seen} (its {@link #count} before) or {@code most}
     * passes; returns the count then.
     */
    public long await(WaitTrigger kind, long seen, Duration most) throws InterruptedException {
        long deadline = System.nanoTime() + most.toNanos();
        synchronized (changed) {
            while (count(kind) == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
        }
        return count(kind);
    }
}
