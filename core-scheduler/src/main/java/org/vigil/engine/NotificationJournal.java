package org.vigil.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.WriteBehindRetention;

/**
 * Notifications decided and not yet handed to their channels. The notifier records each one here while the engine
 * applies the change that caused it, so retention writes both in one transaction, and sends it only once that
 * write is durable ({@link #afterRetained}): a {@code kill -9} before then loses the change and the notification
 * together (the next result decides it again), one after it finds the notification here at the next start
 * ({@link #takeRetained}) to be sent again. Settling an entry says it has left; whatever leaves before that must be
 * safe to send twice (the outbox stores a notification once by its key; a command starts once by its marker).
 * Without retention nothing is recorded and notifications leave at once.
 */
public final class NotificationJournal {

    private final Consumer<Runnable> engineThread;
    private volatile WriteBehindRetention writer;
    /** Whether this engine task holds retention's writes (engine thread only; see {@link #record}). */
    private boolean holding;
    private final List<Entry> retained = new ArrayList<>();

    NotificationJournal(Consumer<Runnable> engineThread) {
        this.engineThread = engineThread;
    }

    void attach(WriteBehindRetention w) {
        this.writer = w;
    }

    /** A notification recorded before the last stop and not settled; restart only. */
    synchronized void retained(Entry e) {
        retained.add(e);
    }

    /** Whether notifications are recorded (retention is on). */
    public boolean isOn() {
        return writer != null;
    }

    /**
     * Records a decided notification about {@code object} with the {@code fields} that rebuild it; engine thread.
     * Returns its id, or 0 when retention is off or cannot reserve an id (nothing to replay, nothing to settle).
     */
    public long record(ObjectKey object, Map<String, String> fields) {
        WriteBehindRetention w = writer;
        if (w == null) {
            return 0;
        }
        long id;
        try {
            id = w.nextEntryId();
        } catch (RuntimeException e) { // retention cannot write (reported there): the page must leave anyway
            return 0;
        }
        if (!holding) { // the entry and the state change of this task are written together: released after it
            holding = true;
            w.hold();
            engineThread.accept(this::releaseHold);
        }
        w.saveEntry(new Entry(Entry.Kind.NOTIFICATION, id, object, fields));
        return id;
    }

    /** Queued behind the task that recorded: every change it made is handed over, so one write may take them. */
    private void releaseHold() {
        holding = false;
        WriteBehindRetention w = writer;
        if (w != null) {
            w.release();
        }
    }

    /**
     * Runs {@code action} once every change the engine made so far, including the rest of the task running now,
     * is durable: with true then, with false when retention cannot write (a page that may repeat after a crash
     * is better than no page). Without retention it runs at once, with false. If the engine stops first the action
     * does not run, and what was recorded is found at the next start. Runs on the retention writer's thread:
     * {@code action} must hand long work to a thread of its own.
     */
    public void afterRetained(Consumer<Boolean> action) {
        if (writer == null) {
            action.accept(false);
            return;
        }
        engineThread.accept(() -> { // queued behind the engine's current task, so its changes count too
            WriteBehindRetention w = writer;
            w.durable(w.sequence()).thenAccept(action);
        });
    }

    /** The notification {@code id} has left (or will never leave); forgotten with the next write. Any thread. */
    public void settle(long id) {
        WriteBehindRetention w = writer;
        if (w != null && id > 0) {
            w.removeEntry(id);
        }
    }

    /**
     * Settles {@code ids} and completes once that is durable (true), or a write failed (false): whoever deletes what
     * guarded a resend (a command's start markers) must wait for this. Any thread.
     */
    public CompletableFuture<Boolean> settleDurably(Collection<Long> ids) {
        WriteBehindRetention w = writer;
        if (w == null) {
            return CompletableFuture.completedFuture(false);
        }
        long last = w.sequence();
        for (long id : ids) {
            if (id > 0) {
                last = w.removeEntry(id);
            }
        }
        return w.durable(last);
    }

    /** The notifications recorded before the last stop and never settled, oldest first; taken once. */
    public synchronized List<Entry> takeRetained() {
        List<Entry> out = List.copyOf(retained);
        retained.clear();
        return out;
    }
}
