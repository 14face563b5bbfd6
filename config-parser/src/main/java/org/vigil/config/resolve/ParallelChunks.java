package org.vigil.config.resolve;

import java.util.stream.IntStream;
import org.vigil.config.diag.Diagnostics;

/**
 * Runs a stage's work on items {@code 0..n} in chunks on the common fork-join pool, so a large config's stages use
 * every core. Each chunk reports into its own diagnostics, added to the stage's in chunk order afterwards: the
 * output is the same as a serial run's, whatever the timing. The work must only write what belongs to its own
 * items.
 */
final class ParallelChunks {

    /** Items per chunk: large enough that a chunk's start costs nothing, small enough to share 100,000 items. */
    static final int SIZE = 2048;

    /** The work on items {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Work {
        void run(int from, int to, Diagnostics diags);
    }

    private ParallelChunks() {
    }

    /** Runs {@code work} on {@code 0..n}; one chunk runs on the calling thread alone. */
    static void run(int n, Diagnostics diags, Work work) {
        if (n <= SIZE) {
            work.run(0, n, diags);
            return;
        }
        int chunks = (n + SIZE - 1) / SIZE;
        Diagnostics[] found = new Diagnostics[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Diagnostics local = new Diagnostics();
            work.run(c * SIZE, Math.min(n, (c + 1) * SIZE), local);
            found[c] = local;
        });
        for (Diagnostics d : found) {
            d.all().forEach(diags::add);
        }
    }
}
