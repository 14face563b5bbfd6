package org.vigil.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.vigil.checks.exec.Begun;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.exec.CheckRequest;
import org.vigil.engine.state.CheckOutcome;

/**
 * Where checks run ({@code max_concurrent_checks}): a check begins on the thread that starts it (macros expanded, a
 * built-in check started: it ends on its event loop; a plugin spawned by the native runner: its exit watcher sees it
 * to its end; neither holds a thread), and what must wait on a thread (a plugin of another runner, or one whose
 * spawn would wait) runs on one of the pool's threads, which only run and hand back. The checks running at once,
 * whichever way, stay within {@code max_concurrent_checks} when it is set (a count of permits, not of threads), else
 * within {@link #UNSET_IN_FLIGHT}.
 */
final class CheckPool {

    /** Checks in flight when max_concurrent_checks is 0 (unlimited): a socket each at most, well within the fds. */
    static final int UNSET_IN_FLIGHT = 8192;

    private final CheckExecutor executor;
    private final ThreadPoolExecutor pool;
    /** The one thread that waits for permits, checks in the order they came; it ends when idle. */
    private final ThreadPoolExecutor waiting;
    private final Semaphore inFlight;
    private final int inFlightLimit;

    CheckPool(CheckExecutor executor, MainConfig main) {
        this.executor = executor;
        int max = main.value("max_concurrent_checks").map(CheckPool::parseIntOrZero).orElse(0);
        // unlimited (0) becomes 64 threads: enough for slow network plugins, while forking is capped at the
        // number of cores by the runner (256 threads forking at once on 2 cores halved throughput)
        int size = max > 0 ? max : 64;
        this.pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> EngineThread.daemon(r, "vigil-check"));
        pool.allowCoreThreadTimeOut(true);
        this.waiting = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> EngineThread.daemon(r, "vigil-check-wait"));
        waiting.allowCoreThreadTimeOut(true);
        this.inFlightLimit = max > 0 ? max : UNSET_IN_FLIGHT;
        this.inFlight = new Semaphore(inFlightLimit);
    }

    private static int parseIntOrZero(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Begins {@code request} on the calling thread (the macros, a built-in's start), unless every permit is taken,
     * and leaves only what waits to other threads: a forked plugin to a pool thread, a wait for a permit to the one
     * waiting thread (never a pool thread: those would hold every thread while the forked runs that hold the
     * permits queued behind them, and nothing would run again). {@code done} gets the outcome or the failure on the
     * thread that ended it (this one, the pool's, the waiting thread or the built-in checks' event loop): it must
     * only hand over.
     */
    void run(CheckRequest request, BiConsumer<CheckOutcome, Throwable> done) {
        if (!inFlight.tryAcquire()) { // at max_concurrent_checks: wait for a permit on the waiting thread, in order
            waiting.execute(() -> {
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) { // closing
                    done.accept(null, e);
                    return;
                }
                runWithPermit(request, done);
            });
            return;
        }
        runWithPermit(request, done);
    }

    private void runWithPermit(CheckRequest request, BiConsumer<CheckOutcome, Throwable> done) {
        Begun<CheckOutcome> begun;
        try {
            begun = begin(request);
        } catch (RuntimeException | Error e) {
            done.accept(null, e);
            return;
        }
        if (begun instanceof Begun.Started<CheckOutcome> started) {
            started.stage().whenComplete(done);
        } else {
            Begun.Blocking<CheckOutcome> blocking = (Begun.Blocking<CheckOutcome>) begun;
            CompletableFuture.supplyAsync(blocking.run(), pool).whenComplete((o, f) -> inFlight.release())
                    .whenComplete(done);
        }
    }

    /** Begins with a permit held: the permit goes back when the run ends, or at once if the beginning fails. */
    private Begun<CheckOutcome> begin(CheckRequest request) {
        Begun<CheckOutcome> begun;
        try {
            begun = executor.begin(request);
        } catch (RuntimeException | Error e) {
            inFlight.release();
            throw e;
        }
        if (begun instanceof Begun.Started<CheckOutcome> started) {
            return new Begun.Started<>(started.stage().whenComplete((o, f) -> inFlight.release()));
        }
        return begun;
    }

    boolean idle() {
        return pool.getActiveCount() == 0 && pool.getQueue().isEmpty() && waiting.getActiveCount() == 0
                && waiting.getQueue().isEmpty() && inFlight.availablePermits() == inFlightLimit;
    }

    int concurrency() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Lets running checks finish for at most 5 s, then stops the threads: those on the pool's threads and those that
     * hold none (a plugin the native runner's exit watcher sees to its end, a built-in check).
     */
    void close() {
        waiting.shutdownNow();
        pool.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
            while (inFlight.availablePermits() < inFlightLimit && deadline - System.nanoTime() > 0) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
