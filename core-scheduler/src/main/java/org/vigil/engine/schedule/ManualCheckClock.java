package org.vigil.engine.schedule;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A check clock that only moves when told to: scenario tests run hours of schedule in milliseconds by
 * calling {@link #advanceTo} with the time of an injected {@link java.time.Clock}.
 */
public final class ManualCheckClock implements CheckClock {

    private record Entry(Instant at, long seq, String id) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final TreeSet<Entry> queue = new TreeSet<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private DueHandler handler;
    private long seq;

    @Override
    public synchronized void schedule(String checkId, Instant at) {
        cancel(checkId);
        Entry e = new Entry(at, seq++, checkId);
        queue.add(e);
        byId.put(checkId, e);
    }

    @Override
    public synchronized void cancel(String checkId) {
        Entry e = byId.remove(checkId);
        if (e != null) {
            queue.remove(e);
        }
    }

    @Override
    public void start(DueHandler onDue) {
        this.handler = onDue;
    }

    @Override
    public void close() {
        handler = null;
    }

    /** When {@code checkId} is due, if scheduled. */
    public synchronized Optional<Instant> dueTime(String checkId) {
        Entry e = byId.get(checkId);
        return e == null ? Optional.empty() : Optional.of(e.at);
    }

    /** The earliest due time, if any. */
    public synchronized Optional<Instant> next() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first().at);
    }

    /** Fires, in order, every entry due at or before {@code now}. */
    public void advanceTo(Instant now) {
        while (true) {
            Entry e;
            synchronized (this) {
                if (queue.isEmpty() || queue.first().at.isAfter(now) || handler == null) {
                    return;
                }
                e = queue.pollFirst();
                byId.remove(e.id);
            }
            handler.due(e.id, e.at);
        }
    }
}
