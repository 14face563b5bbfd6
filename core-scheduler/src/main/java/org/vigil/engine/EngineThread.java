package org.vigil.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine's single thread and its queue: the one place where runtime state changes, so every change is ordered.
 * Tasks are queued with a kind; one that throws is logged under it by {@link TaskGuard} and the thread goes on.
 * After {@link #close}, tasks are dropped.
 */
final class EngineThread {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> daemon(r, "vigil-engine"));
    private final TaskGuard guard;
    /** Set first thing on close: from then on nothing is started or rescheduled, and late results are dropped. */
    private volatile boolean closing;

    EngineThread(Consumer<String> log) {
        this.guard = new TaskGuard(log);
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs {@code task} on the engine thread and waits for it; for callers outside the engine. */
    <T> T call(Callable<T> task) {
        try {
            return thread.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Queues {@code task} under {@code kind}; dropped once closing, rejected (thrown) otherwise. */
    void submit(String kind, Runnable task) {
        try {
            thread.execute(guard.guard(kind, task));
        } catch (RejectedExecutionException e) {
            if (!closing) {
                throw e;
            }
        }
    }

    /** Whether the engine is closing: nothing may start or be rescheduled any more. */
    boolean closing() {
        return closing;
    }

    /** Marks the engine closing; the queue still runs until {@link #close}. */
    void beginClose() {
        closing = true;
    }

    /** Runs what is queued, for at most 5 s, and stops the thread. */
    void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
