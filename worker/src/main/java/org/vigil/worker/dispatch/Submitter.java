package org.vigil.worker.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.vigil.checks.exec.PluginResult;
import org.vigil.worker.gearman.BackgroundJob;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.GearmanException;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.payload.JobPayload;
import org.vigil.worker.payload.PayloadCodec;

/**
 * The thread that puts jobs on gearmand: takes what the engine queued, encodes it, and submits it pipelined (a batch
 * of SUBMIT packets sent at once, then their JOB_CREATED answers read), so one thread keeps up with tens of thousands
 * of checks a second. On a failed connection it reconnects to the first server that answers, with a growing wait;
 * jobs not confirmed stay queued and are sent again (gearmand merges a duplicate by its unique id), until their check
 * ends (orphaned, by the sweeper) and they are dropped.
 */
final class Submitter implements Runnable {

    static final int BATCH = 512;
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] PING = {'v'};

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<ServerAddress> servers;
    private final PayloadCodec codec;
    private final boolean uniqueIds;
    private final Fallback fallback;
    private final DispatchStats stats;
    private final DispatchLog log;
    private final Clock clock;
    private final Backoff backoff = new Backoff();
    private volatile boolean closed;

    Submitter(DispatchSettings settings, PayloadCodec codec, Fallback fallback, DispatchStats stats,
            DispatchLog log, Clock clock) {
        this.servers = settings.servers();
        this.codec = codec;
        this.uniqueIds = settings.useUniqJobs();
        this.fallback = fallback;
        this.stats = stats;
        this.log = log;
        this.clock = clock;
    }

    /** Queues a check's job for submission, unless it is queued already; never blocks. */
    void submit(Pending pending) {
        if (pending.queueForSubmit()) {
            queue.add(pending);
        }
    }

    void close() {
        closed = true;
    }

    @Override
    public void run() {
        GearmanClient client = null;
        List<Pending> batch = new ArrayList<>(BATCH);
        try {
            while (!closed) {
                if (batch.isEmpty() && !take(batch)) {
                    continue;
                }
                batch.removeIf(Pending::isDone);
                List<BackgroundJob> jobs = encode(batch);
                if (jobs.isEmpty()) {
                    continue;
                }
                if (client == null && (client = connect()) == null) {
                    if (!backoff.sleep()) {
                        return;
                    }
                    continue;
                }
                int[] confirmed = {0};
                try {
                    client.submitBackground(jobs, handle -> batch.get(confirmed[0]++).submitted());
                    stats.submitted.add(jobs.size());
                    batch.clear();
                } catch (GearmanException e) {
                    stats.submitted.add(confirmed[0]);
                    batch.subList(0, confirmed[0]).clear();
                    fallback.failed("submitting jobs: " + e.getMessage());
                    client.close();
                    client = null;
                }
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /** Waits a moment for work, then fills the batch: false when none came. */
    private boolean take(List<Pending> batch) {
        try {
            Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first == null) {
                return false;
            }
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            return true;
        } catch (InterruptedException e) {
            closed = true;
            return false;
        }
    }

    /** The batch's jobs in its order; a check whose line cannot travel in mod_gearman's text ends with why. */
    private List<BackgroundJob> encode(List<Pending> batch) {
        List<BackgroundJob> jobs = new ArrayList<>(batch.size());
        for (var it = batch.iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (pending.workload() == null) {
                try {
                    pending.workload(codec.encode(JobPayload.encode(pending.job())).getBytes(StandardCharsets.US_ASCII));
                } catch (IllegalArgumentException e) {
                    it.remove();
                    pending.submitted();
                    log.line("cannot send the " + pending.describe() + " to queue '" + pending.queue() + "': "
                            + e.getMessage());
                    if (pending.claim()) {
                        pending.end(PluginResult.notStarted("mod_gearman's job text cannot carry it: "
                                + e.getMessage(), clock.instant()));
                    }
                    continue;
                }
            }
            jobs.add(new BackgroundJob(pending.queue(), uniqueIds ? ModGearmanJobs.uniqueId(pending.subject()) : "",
                    pending.workload(), ModGearmanJobs.priority(pending.subject())));
        }
        return jobs;
    }

    /** The first server that answers an echo, or null when none does. */
    private GearmanClient connect() {
        for (ServerAddress server : servers) {
            GearmanClient client = null;
            try {
                client = GearmanClient.connect(server, IO_TIMEOUT);
                client.echo(PING);
                fallback.answered(server);
                backoff.reset();
                return client;
            } catch (GearmanException e) {
                if (client != null) {
                    client.close();
                }
                fallback.failed(e.getMessage());
            }
        }
        return null;
    }
}
