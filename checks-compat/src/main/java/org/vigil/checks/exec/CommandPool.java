package org.vigil.checks.exec;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few daemon threads for the commands the engine starts and never waits for (event handlers, perfdata commands,
 * OCSP/OCHP): it counts what is queued or running, so that tests and shutdown can wait until it is idle, and it
 * stops with a short grace. Threads end after 30 s without work.
 */
public final class CommandPool implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final AtomicInteger pending = new AtomicInteger();

    /** {@code threads} named {@code threadName}; {@code capacity} commands may wait (0: no bound). */
    public CommandPool(String threadName, int threads, int capacity) {
        BlockingQueue<Runnable> queue = capacity > 0 ? new ArrayBlockingQueue<>(capacity) : new LinkedBlockingQueue<>();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues {@code task}; false when the queue is full or the pool is closed (then it never runs). */
    public boolean execute(Runnable task) {
        pending.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            return false;
        }
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return pool.isShutdown();
    }

    /** Waits until nothing is queued or running; false at {@code timeout}. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Takes no more; lets what runs finish for up to 5 s. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
