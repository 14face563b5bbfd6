package org.vigil.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * built-in check started: it ends on its event loop, holding no thread), and a forked plugin runs on one of the
 * pool's threads, which only run and hand back. The checks running at once, forked or built-in, stay within
 * {@code max_concurrent_checks} when it is set, else within {@link #UNSET_IN_FLIGHT}.
 */
final class CheckPool {

    /** Checks in flight when max_concurrent_checks is 0 (unlimited): a socket each at most, well within the fds. */
    static final int UNSET_IN_FLIGHT = 8192;

    private final CheckExecutor executor;
    private final ThreadPoolExecutor pool;
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
     * and leaves only what waits (a forked plugin, or a permit) to a pool thread; {@code done} gets the outcome or
     * the failure on the thread that ended it (this one, the pool's or the built-in checks' event loop): it must only
     * hand over.
     */
    void run(CheckRequest request, BiConsumer<CheckOutcome, Throwable> done) {
        if (!inFlight.tryAcquire()) { // at max_concurrent_checks: wait for a permit on a pool thread, not here
            CompletableFuture.supplyAsync(() -> {
                inFlight.acquireUninterruptibly();
                return finishHere(begin(request));
            }, pool).thenCompose(stage -> stage).whenComplete(done);
            return;
        }
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

    /** On a pool thread: a forked run done here, to its end, its permit then given back. */
    private CompletionStage<CheckOutcome> finishHere(Begun<CheckOutcome> begun) {
        if (begun instanceof Begun.Started<CheckOutcome> started) {
            return started.stage();
        }
        try {
            return CompletableFuture.completedFuture(((Begun.Blocking<CheckOutcome>) begun).run().get());
        } finally {
            inFlight.release();
        }
    }

    boolean idle() {
        return pool.getActiveCount() == 0 && pool.getQueue().isEmpty()
                && inFlight.availablePermits() == inFlightLimit;
    }

    int concurrency() {
        return pool.getMaximumPoolSize();
    }

    /** Lets running checks finish for at most 5 s, then stops the threads. */
    void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
