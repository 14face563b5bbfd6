package org.vigil.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.engine.state.CheckOutcome;

/** Counts of checks run and a window of their scheduling latencies, for metrics and benchmarks. */
public final class EngineMetrics {

    private static final int WINDOW = 1 << 16;

    private final AtomicLong completed = new AtomicLong();
    private final long[] latencyMicros = new long[WINDOW];

    void record(CheckOutcome outcome) {
        long n = completed.getAndIncrement();
        synchronized (latencyMicros) {
            latencyMicros[(int) (n & (WINDOW - 1))] = (long) (outcome.latency() * 1_000_000);
        }
    }

    public long completed() {
        return completed.get();
    }

    /** The latency percentile {@code p} (0-100) of the last checks, in milliseconds. */
    public double latencyMillis(double p) {
        long n = Math.min(completed.get(), WINDOW);
        if (n == 0) {
            return 0;
        }
        long[] copy;
        synchronized (latencyMicros) {
            copy = Arrays.copyOf(latencyMicros, (int) n);
        }
        Arrays.sort(copy);
        int i = (int) Math.min(n - 1, Math.round(p / 100.0 * (n - 1)));
        return copy[i] / 1000.0;
    }
}
