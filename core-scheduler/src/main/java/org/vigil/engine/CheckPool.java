package org.vigil.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.exec.CheckRequest;
import org.vigil.engine.state.CheckOutcome;

/** The bounded pool that runs plugins ({@code max_concurrent_checks}); its threads only run and hand back. */
final class CheckPool {

    private final CheckExecutor executor;
    private final ThreadPoolExecutor pool;

    CheckPool(CheckExecutor executor, MainConfig main) {
        this.executor = executor;
        int max = main.value("max_concurrent_checks").map(CheckPool::parseIntOrZero).orElse(0);
        // unlimited (0) becomes 64 threads: enough for slow network plugins, while forking is capped at the
        // number of cores by the runner (256 threads forking at once on 2 cores halved throughput)
        int size = max > 0 ? max : 64;
        this.pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> EngineThread.daemon(r, "vigil-check"));
        pool.allowCoreThreadTimeOut(true);
    }

    private static int parseIntOrZero(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Runs {@code request} on a pool thread; {@code done} gets the outcome or the failure, on that thread. */
    void run(CheckRequest request, BiConsumer<CheckOutcome, Throwable> done) {
        CompletableFuture.supplyAsync(() -> executor.execute(request), pool).whenComplete(done);
    }

    boolean idle() {
        return pool.getActiveCount() == 0 && pool.getQueue().isEmpty();
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
