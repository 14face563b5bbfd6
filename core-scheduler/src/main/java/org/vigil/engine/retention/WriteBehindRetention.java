package org.vigil.engine.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What the engine talks to: it hands over changes (a map put under a short lock, never I/O) and a
 * background thread writes them to the store every interval and on {@link #close()}. A {@code kill -9}
 * loses at most the changes of the last interval. A failed write is reported once to the problem sink
 * (not again while writes keep failing, whatever the cause) and retried with the next interval; the changes
 * stay in memory meanwhile. {@link #writeProblem} says why writes fail until one succeeds again, which is
 * reported to the recovery hook.
 *
 * <p>{@link #durable} is the exception to "every interval": a caller that must not act before its changes are
 * on disk (a notification must not leave before the state change behind it is retained) asks for a write now
 * and is told when it is done. Requests that arrive while a write runs share the next one.
 */
public final class WriteBehindRetention implements AutoCloseable {

    /** Entry ids reserved per database round trip. */
    static final int ID_BLOCK = 1000;

    private final RetentionStore store;
    private final Consumer<RetentionProblem> problems;
    private final Runnable recovered;
    private final PendingChanges pending = new PendingChanges();
    private final AtomicLong durable = new AtomicLong();
    private final ScheduledExecutorService writer;
    private final EntryIds entryIds;
    private final Object flushing = new Object();
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    /** Callers of {@link #durable} waiting for a write; guarded by {@code waiters}. */
    private final List<Waiter> waiters = new ArrayList<>();
    /** Why the last write failed; null once a write succeeded. */
    private volatile RetentionProblem writeProblem;
    private boolean closed;

    /** Starts writing {@code store} every {@code interval}; problems go to {@code problems}. */
    public WriteBehindRetention(RetentionStore store, Duration interval, Consumer<RetentionProblem> problems) {
        this(store, interval, problems, () -> { });
    }

    /**
     * Starts writing {@code store} every {@code interval}; the first failed write of a run of failures goes to
     * {@code problems}, the write that ends it to {@code recovered}.
     */
    public WriteBehindRetention(RetentionStore store, Duration interval, Consumer<RetentionProblem> problems,
                                Runnable recovered) {
        this.store = Objects.requireNonNull(store);
        this.problems = Objects.requireNonNull(problems);
        this.recovered = Objects.requireNonNull(recovered);
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-retention-writer");
            t.setDaemon(true);
            return t;
        });
        this.entryIds = new EntryIds(store, ID_BLOCK, writer);
        long millis = interval.toMillis();
        writer.scheduleWithFixedDelay(this::flushInBackground, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Saves an object's attributes (replacing the previous ones); returns the change's sequence number.
     * A record whose name is too long for the store is reported and dropped here, so that it cannot make
     * every later write fail.
     */
    public long save(ObjectRecord record) {
        return fits(record.key()) ? pending.save(record) : pending.sequence();
    }

    /** Saves a comment, downtime or acknowledgement, new or changed (dropped, like a record, if its object's name is too long). */
    public long saveEntry(Entry entry) {
        return fits(entry.object()) ? pending.saveEntry(entry) : pending.sequence();
    }

    private boolean fits(ObjectKey key) {
        if (key.name().length() <= Schema.MAX_NAME_LENGTH && key.service().length() <= Schema.MAX_NAME_LENGTH) {
            return true;
        }
        problems.accept(new RetentionProblem(key.toString().substring(0, 80) + "...", "the name is longer than "
                + Schema.MAX_NAME_LENGTH + " characters; its state is not retained", "use a shorter name"));
        return false;
    }

    public long removeEntry(long id) {
        return pending.removeEntry(id);
    }

    /**
     * After a config (re)load: the objects that exist now. Records of all others, and entries attached
     * to them, are deleted with the next write; pending changes to them are dropped at once.
     */
    public long retainOnly(Set<ObjectKey> existing) {
        return pending.retainOnly(existing);
    }

    /** A new entry id, never handed out before (usually from memory; at worst one database write). */
    public long nextEntryId() {
        return entryIds.next();
    }

    /**
     * Until {@link #release}, the changes handed over go into one write with each other (a write that comes due
     * meanwhile waits, at most {@link PendingChanges#HOLD_WAIT_MILLIS}). For changes that must be durable together.
     */
    public void hold() {
        pending.hold();
    }

    public void release() {
        pending.release();
    }

    /** The sequence number of the last change handed over (durable or not yet). */
    public long sequence() {
        return pending.sequence();
    }

    private record Waiter(long sequence, CompletableFuture<Boolean> done) {
    }

    /**
     * Completes with true once every change up to {@code sequence} is in the store, and asks for a write now
     * rather than at the next interval. Completes with false when a write fails meanwhile (the problem was
     * reported): the caller decides whether to go on without durability; the changes stay pending. Never
     * waits for ever: after {@link #close} it completes at once.
     */
    public CompletableFuture<Boolean> durable(long sequence) {
        if (durable.get() >= sequence) {
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        synchronized (waiters) {
            waiters.add(new Waiter(sequence, done));
        }
        requestFlush();
        return done;
    }

    private void requestFlush() {
        if (!flushRequested.compareAndSet(false, true)) {
            return; // a write is queued already and will cover this change
        }
        try {
            writer.execute(() -> {
                flushRequested.set(false);
                flushInBackground();
            });
        } catch (RejectedExecutionException e) { // closed: the last write has been made
            flushRequested.set(false);
            release(false);
        }
    }

    /** Completes the waiters a write just covered (all of them, false, when it failed). */
    private void release(boolean written) {
        long through = durable.get();
        List<CompletableFuture<Boolean>> ready = new ArrayList<>();
        List<CompletableFuture<Boolean>> failed = new ArrayList<>();
        synchronized (waiters) {
            waiters.removeIf(w -> {
                if (written && w.sequence() <= through) {
                    ready.add(w.done());
                    return true;
                }
                if (!written) {
                    failed.add(w.done());
                    return true;
                }
                return false;
            });
        }
        ready.forEach(f -> f.complete(true));
        failed.forEach(f -> f.complete(false));
    }

    /** The sequence number of the last change known to be in the store. */
    public long durableSequence() {
        return durable.get();
    }

    /** Writes everything pending now; returns false if the write failed (the problem was reported). */
    public boolean flush() {
        synchronized (flushing) {
            PendingChanges.Drained drained = pending.drain();
            try {
                store.apply(drained.batch());
                durable.set(drained.through());
            } catch (RetentionException e) {
                pending.restore(drained.batch());
                failed(e.problem());
                release(false);
                return false;
            } catch (RuntimeException e) {
                // A bug must not stop the writer thread for good; keep the changes and say what happened.
                pending.restore(drained.batch());
                failed(new RetentionProblem("retention", "unexpected failure: " + Problems.firstLine(e),
                        "report this as a bug; changes are kept in memory and written again"));
                release(false);
                return false;
            }
            // a failed batch stays pending, so while writes fail no batch is empty: this write reached the store
            if (writeProblem != null) {
                writeProblem = null;
                recovered.run();
            }
            release(true);
            return true;
        }
    }

    /** Reports the first failure of a run of failures only: a broken database would otherwise log every interval. */
    private void failed(RetentionProblem problem) {
        boolean first = writeProblem == null;
        writeProblem = problem;
        if (first) {
            problems.accept(problem);
        }
    }

    /** Why writes fail now (the latest failure's cause), until one succeeds again; empty while they succeed. */
    public java.util.Optional<RetentionProblem> writeProblem() {
        return java.util.Optional.ofNullable(writeProblem);
    }

    /** A scheduled task that throws is never run again: whatever happens, the writer must go on. */
    private void flushInBackground() {
        try {
            flush();
        } catch (Throwable t) { // NOPMD: an Error here would otherwise stop retention for good, silently
            synchronized (flushing) {
                failed(new RetentionProblem("retention", "the background writer failed: " + Problems.firstLine(t),
                        "report this as a bug; changes are kept in memory and written again"));
            }
            release(false);
        }
    }

    /** Stops the background writer, writes what is pending and closes the store. */
    @Override
    public void close() {
        synchronized (flushing) {
            if (closed) {
                return;
            }
            closed = true;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        release(false); // what the last write did not cover will not be written by this writer
        store.close();
    }
}
