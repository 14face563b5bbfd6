package org.vigil.worker.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.checks.exec.PluginResult;
import org.vigil.worker.gearman.GearmanException;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.gearman.Job;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.PayloadException;
import org.vigil.worker.payload.ResultPayload;
import org.vigil.worker.payload.WorkerResult;

/**
 * One thread reading results from the result queue of one gearmand, as mod_gearman's {@code result_thread.c} does:
 * decodes each, hands it to the object's oldest waiting check, and reports the job complete. A result nobody waits
 * for (it came after its check was orphaned, a merged duplicate, or a passive result, which this dispatch does not
 * pass to the engine) is counted and dropped; one that cannot be read is counted and logged by
 * {@link RejectedResults}. A lost connection is reconnected with a growing wait.
 */
final class ResultReader implements Runnable {

    private static final Duration IO_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final byte[] PING = {'v'};
    private static final byte[] NOTHING = new byte[0];
    /** Results asked for at once: gearmand assigns several jobs to one connection when asked in one go. */
    static final int BATCH = 64;

    private final ServerAddress server;
    private final String queue;
    private final PayloadCodec codec;
    private final Waiting waiting;
    private final Fallback fallback;
    private final DispatchStats stats;
    private final RejectedResults rejected;
    private final Clock clock;
    private final Backoff backoff = new Backoff();
    private volatile boolean closed;

    /** Everything a reader shares with the dispatch's other parts. */
    record Shared(PayloadCodec codec, Waiting waiting, Fallback fallback, DispatchStats stats,
            RejectedResults rejected, Clock clock) {
    }

    ResultReader(ServerAddress server, String queue, Shared shared) {
        this.server = server;
        this.queue = queue;
        this.codec = shared.codec();
        this.waiting = shared.waiting();
        this.fallback = shared.fallback();
        this.stats = shared.stats();
        this.rejected = shared.rejected();
        this.clock = shared.clock();
    }

    void close() {
        closed = true;
    }

    @Override
    public void run() {
        while (!closed) {
            try (GearmanWorker worker = GearmanWorker.connect(server, IO_TIMEOUT)) {
                worker.setClientId("vigil-results");
                worker.canDo(queue);
                worker.echo(PING);
                fallback.answered(server);
                backoff.reset();
                try {
                    while (!closed) {
                        // up to BATCH results per round trip, their WORK_COMPLETEs sent with the next requests
                        List<Job> jobs = worker.grabJobs(BATCH);
                        if (jobs.isEmpty()) {
                            worker.sleep(POLL);
                        }
                        for (Job job : jobs) {
                            read(job);
                            worker.completeLater(job, NOTHING);
                        }
                    }
                } finally {
                    worker.flush(); // or gearmand would give the results read last to another reader again
                }
            } catch (GearmanException e) {
                if (closed) {
                    return;
                }
                fallback.failed("reading results from queue '" + queue + "': " + e.getMessage());
                if (!backoff.sleep()) {
                    return;
                }
            }
        }
    }

    private void read(Job job) {
        WorkerResult result;
        try {
            result = ResultPayload.decode(codec.decode(new String(job.data(), StandardCharsets.US_ASCII)));
        } catch (PayloadException e) {
            rejected.reject(queue, e.getMessage());
            return;
        }
        Optional<Pending> waiter = result.passive() ? Optional.empty()
                : waiting.takeOldest(Pending.key(result.hostName(), result.serviceDescription()));
        Instant now = clock.instant();
        if (waiter.isEmpty() || !waiter.get().claim()) {
            stats.droppedResults.increment();
            stats.problem("dropped a result for " + describe(result) + " that no check waited for (it came late, "
                    + "after its orphan result, or twice, or it is passive)");
            return;
        }
        stats.results.increment();
        stats.latency(Duration.between(waiter.get().begun(), now).toMillis());
        waiter.get().end(pluginResult(result));
    }

    private static PluginResult pluginResult(WorkerResult r) {
        return new PluginResult(r.returnCode(), r.output(), "", instant(r.startTime()), instant(r.finishTime()),
                false, false, null);
    }

    private static Instant instant(GmTime time) {
        return Instant.ofEpochSecond(time.seconds(), time.micros() * 1000L);
    }

    private static String describe(WorkerResult r) {
        return "'" + r.hostName() + "'" + r.serviceDescription().map(s -> " - '" + s + "'").orElse("");
    }
}
