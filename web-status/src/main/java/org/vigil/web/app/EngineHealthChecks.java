package org.vigil.web.app;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigil.notify.outbox.Delivery;
import org.vigil.notify.outbox.DeliveryStatus;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxException;
import org.vigil.web.model.Monitor;

/**
 * The admin port's health checks of the monitor: engine thread, check latency, retention (the database), status
 * file, command file, notification outbox. A write that fails turns its check red with the cause until a write
 * succeeds again.
 */
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

    /** Retention started and its last write reached the database (or it is off). */
    static HealthCheck retention(Monitor monitor) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                if (monitor.retentionRunning()) {
                    return monitor.retentionWriteProblem()
                            .map(p -> Result.unhealthy("retained state cannot be written (kept in memory, retried"
                                    + " every second): " + p))
                            .orElse(Result.healthy("state is retained"));
                }
                return monitor.retentionProblem().map(p -> Result.unhealthy("retention did not start: " + p))
                        .orElse(Result.healthy("retention is off"));
            }
        };
    }

    /** The status file's last write succeeded (or there is no status file). */
    static HealthCheck statusFile(Monitor monitor) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                return monitor.statusFileProblem().map(p -> Result.unhealthy("cannot write the status file: " + p))
                        .orElse(Result.healthy("the status file is written"));
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

    /**
     * The notification outbox can be written and read, nothing waits longer than {@code maxPending}, and no delivery was given
     * up on in the last day: on-call must hear that their pager is not being reached.
     */
    static HealthCheck outbox(Monitor monitor, Duration maxPending, Clock clock) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                Optional<Outbox> outbox = monitor.outbox();
                if (outbox.isEmpty()) {
                    return Result.healthy("no built-in notification channels");
                }
                Optional<String> writeProblem = outbox.get().writeProblem();
                if (writeProblem.isPresent()) {
                    return Result.unhealthy("the outbox cannot be written: " + writeProblem.get());
                }
                List<Delivery> undelivered;
                try {
                    undelivered = outbox.get().undelivered();
                } catch (OutboxException e) {
                    return Result.unhealthy(e.getMessage());
                }
                Instant now = clock.instant();
                long stale = undelivered.stream().filter(d -> d.status() == DeliveryStatus.PENDING
                        && d.enqueuedAt().plus(maxPending).isBefore(now)).count();
                long failed = undelivered.stream().filter(d -> d.status() == DeliveryStatus.FAILED
                        && d.enqueuedAt().plus(Duration.ofDays(1)).isAfter(now)).count();
                long pending = undelivered.stream().filter(d -> d.status() == DeliveryStatus.PENDING).count();
                String text = String.format("%d pending (%d older than %d s), %d given up in the last day", pending,
                        stale, maxPending.getSeconds(), failed);
                return stale == 0 && failed == 0 ? Result.healthy(text) : Result.unhealthy(text);
            }
        };
    }
}
