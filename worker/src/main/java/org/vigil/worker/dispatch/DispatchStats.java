package org.vigil.worker.dispatch;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** The dispatch's running counts, written by its threads, read as {@link DispatchCounters} at one moment. */
final class DispatchStats {

    /** How many of the latest results the mean latency is taken over. */
    private static final int LATENCY_WINDOW = 256;

    final LongAdder submitted = new LongAdder();
    final LongAdder results = new LongAdder();
    final LongAdder orphaned = new LongAdder();
    final LongAdder resubmitted = new LongAdder();
    final LongAdder ranLocally = new LongAdder();
    final LongAdder rejectedResults = new LongAdder();
    final LongAdder droppedResults = new LongAdder();
    private final long[] latencies = new long[LATENCY_WINDOW];
    private int latencyCount;
    private int latencyNext;
    private volatile String lastProblem;

    synchronized void latency(long millis) {
        latencies[latencyNext] = millis;
        latencyNext = (latencyNext + 1) % LATENCY_WINDOW;
        latencyCount = Math.min(latencyCount + 1, LATENCY_WINDOW);
    }

    private synchronized double meanLatency() {
        long sum = 0;
        for (int i = 0; i < latencyCount; i++) {
            sum += latencies[i];
        }
        return latencyCount == 0 ? 0 : (double) sum / latencyCount;
    }

    void problem(String text) {
        lastProblem = text;
    }

    DispatchCounters snapshot(long pending, Fallback fallback) {
        return new DispatchCounters(submitted.sum(), results.sum(), orphaned.sum(), resubmitted.sum(),
                ranLocally.sum(), rejectedResults.sum(), pending, meanLatency(), fallback.unreachableSince(),
                fallback.runningLocally(), Optional.ofNullable(lastProblem));
    }
}
