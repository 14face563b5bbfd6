package org.vigil.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.exec.CheckRequest;
import org.vigil.engine.state.CheckOutcome;

/**
 * The bounded pool that starts checks ({@code max_concurrent_checks}); its threads only start, run forked plugins and
 * hand back. A built-in check leaves its thread at once and ends on its event loop; the checks running at once, forked
 * or built-in, stay within {@code max_concurrent_checks} when it is set, else within {@link #UNSET_IN_FLIGHT}.
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
     * Starts {@code request} on a pool thread; {@code done} gets the outcome or the failure, on the thread that ended
     * it (the pool's, or the built-in checks' event loop): it must only hand over.
     */
    void run(CheckRequest request, BiConsumer<CheckOutcome, Throwable> done) {
        CompletableFuture.supplyAsync(() -> start(request), pool).thenCompose(started -> started).whenComplete(done);
    }

    private CompletionStage<CheckOutcome> start(CheckRequest request) {
        inFlight.acquireUninterruptibly();
        try {
            return executor.start(request).whenComplete((outcome, failure) -> inFlight.release());
        } catch (RuntimeException | Error e) {
            inFlight.release();
            throw e;
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
