package org.vigil.config.resolve;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.config.diag.Diagnostics;

/**
 * Runs a stage's work on items {@code 0..n} in chunks on the calling thread and the common fork-join pool, so a large
 * config's stages use every core. Each chunk reports into its own diagnostics, added to the stage's in chunk order
 * afterwards: the output is the same as a serial run's, whatever the timing. The work must only write what belongs
 * to its own items.
 *
 * <p>Each thread takes the next chunk not yet taken until none is left, so the threads end within a chunk of each
 * other (a parallel stream hands each thread a fixed run of several chunks: at 100,000 services the calling thread
 * waited up to ~50 ms for the pool's last run while its own core was idle).
 */
public final class ParallelChunks {

    /** Items per chunk: large enough that a chunk's start costs nothing, small enough to share 100,000 items. */
    static final int SIZE = 2048;

    /** The work on items {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Work {
        void run(int from, int to, Diagnostics diags);
    }

    private ParallelChunks() {
    }

    /**
     * Runs {@code work} for each of {@code 0..n} on the calling thread and the pool, each thread taking the next
     * index not yet taken (for a few large items, such as the object files: no thread idle while another still has
     * several to do). What {@code work} writes must belong to its own index.
     */
    public static void each(int n, java.util.function.IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        Runnable take = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                work.accept(i);
            }
        };
        int helpers = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism());
        ForkJoinTask<?>[] started = new ForkJoinTask<?>[Math.max(0, helpers)];
        for (int i = 0; i < started.length; i++) {
            started[i] = ForkJoinPool.commonPool().submit(take);
        }
        take.run();
        // a helper the pool has not started yet is run here, and finds nothing left to take
        for (ForkJoinTask<?> t : started) {
            t.join();
        }
    }

    /** Runs {@code work} on {@code 0..n}; one chunk runs on the calling thread alone. */
    static void run(int n, Diagnostics diags, Work work) {
        if (n <= SIZE) {
            work.run(0, n, diags);
            return;
        }
        int chunks = (n + SIZE - 1) / SIZE;
        Diagnostics[] found = new Diagnostics[chunks];
        ParallelChunks.each(chunks, c -> {
            Diagnostics local = new Diagnostics();
            work.run(c * SIZE, Math.min(n, (c + 1) * SIZE), local);
            found[c] = local;
        });
        for (Diagnostics d : found) {
            d.all().forEach(diags::add);
        }
    }
}
