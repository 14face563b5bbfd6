package org.vigil.web.app;

import com.codahale.metrics.health.HealthCheck;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigil.web.model.Monitor;

/** The admin port's health checks of the monitor: engine thread, check latency, retention, command file. */
final class EngineHealthChecks {

    private EngineHealthChecks() {
    }

    /** The engine thread answers a task within 5 seconds. */
    static HealthCheck engine(Monitor monitor) {
        return new HealthCheck() {
            @Override
            protected Result check() throws Exception {
                long start = System.nanoTime();
                try {
                    CompletableFuture.supplyAsync(() -> monitor.engine().call(() -> Boolean.TRUE))
                            .get(5, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    return Result.unhealthy("the engine thread did not answer within 5 s");
                }
                return Result.healthy("the engine thread answered in %d ms",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        };
    }

    /** The 99th percentile of check latency is under the configured maximum. */
    static HealthCheck latency(Monitor monitor, double maxSeconds) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                double p99 = monitor.engine().metrics().latencyMillis(99) / 1000.0;
                String text = String.format("check latency p99 %.3f s (at most %.1f s)", p99, maxSeconds);
                return p99 <= maxSeconds ? Result.healthy(text) : Result.unhealthy(text);
            }
        };
    }

    static HealthCheck retention(Monitor monitor) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                if (monitor.retentionRunning()) {
                    return Result.healthy("state is retained");
                }
                return monitor.retentionProblem().map(p -> Result.unhealthy("retention did not start: " + p))
                        .orElse(Result.healthy("retention is off"));
            }
        };
    }

    static HealthCheck commandFile(Monitor monitor) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                if (monitor.commandFileReading()) {
                    return Result.healthy("reading the external command file");
                }
                return monitor.commandFileProblem().map(Result::unhealthy)
                        .orElse(Result.healthy("external commands are off"));
            }
        };
    }
}
