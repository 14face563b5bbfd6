package org.vigil.worker.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
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
 * The thread that puts jobs on gearmand: takes what the engine queued, encodes it, and submits it pipelined (batches
 * of SUBMIT packets sent at once, up to {@link #WINDOW} batches ahead of the JOB_CREATED answers it reads), so one
 * thread keeps up with tens of thousands of checks a second. On a failed connection it reconnects to the first server that answers, with a growing wait;
 * jobs not confirmed stay queued and are sent again (gearmand merges a duplicate by its unique id), until their check
 * ends (orphaned, by the sweeper) and they are dropped.
 */
final class Submitter implements Runnable {

    static final int BATCH = 512;
    /** Batches sent before the oldest one's answers are read. */
    static final int WINDOW = 3;
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
    /** Batches sent whose JOB_CREATED answers are still to read, oldest first. */
    private final ArrayDeque<List<Pending>> sent = new ArrayDeque<>();
    /** Jobs to send again first after a lost connection. */
    private final List<Pending> retry = new ArrayList<>();
    private GearmanClient client;
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
        try {
            while (!closed) {
                List<Pending> batch = next();
                if (batch.isEmpty() && sent.isEmpty()) {
                    continue;
                }
                if (client == null && !batch.isEmpty() && (client = connect()) == null) {
                    retry.addAll(0, batch);
                    if (!backoff.sleep()) {
                        return;
                    }
                    continue;
                }
                try {
                    if (!batch.isEmpty()) {
                        sent.addLast(batch); // first: if the send fails, lost() sends the batch again
                        client.sendBackground(jobs(batch));
                    }
                    if (!sent.isEmpty() && (sent.size() >= WINDOW || batch.isEmpty())) {
                        confirmOldest();
                    }
                } catch (GearmanException e) {
                    lost(e);
                }
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /**
     * The next batch to send: jobs to send again first, then what the engine queued; waits a moment for work only
     * when no answers are due, so batches overlap with gearmand's work on the ones before.
     */
    private List<Pending> next() {
        List<Pending> batch = new ArrayList<>(BATCH);
        if (!retry.isEmpty()) {
            batch.addAll(retry);
            retry.clear();
        } else {
            try {
                Pending first = sent.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll();
                if (first == null) {
                    return batch;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
            } catch (InterruptedException e) {
                closed = true;
                return batch;
            }
        }
        batch.removeIf(Pending::isDone);
        encode(batch);
        return batch;
    }

    private void confirmOldest() {
        List<Pending> oldest = sent.peekFirst();
        int[] confirmed = {0};
        try {
            client.awaitCreated(oldest.size(), handle -> oldest.get(confirmed[0]++).submitted());
        } finally {
            stats.submitted.add(confirmed[0]);
            oldest.subList(0, confirmed[0]).clear();
            if (oldest.isEmpty()) {
                sent.removeFirst();
            }
        }
    }

    /** The connection failed: every job sent and not confirmed goes again, first, on the next connection. */
    private void lost(GearmanException e) {
        fallback.failed("submitting jobs: " + e.getMessage());
        while (!sent.isEmpty()) {
            retry.addAll(sent.removeFirst());
        }
        client.close();
        client = null;
    }

    private List<BackgroundJob> jobs(List<Pending> batch) {
        List<BackgroundJob> jobs = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            jobs.add(new BackgroundJob(pending.queue(), uniqueIds ? ModGearmanJobs.uniqueId(pending.subject()) : "",
                    pending.workload(), ModGearmanJobs.priority(pending.subject())));
        }
        return jobs;
    }

    /** Makes each job's workload once; a check whose line cannot travel in mod_gearman's text ends with why. */
    private void encode(List<Pending> batch) {
        for (var it = batch.iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (pending.workload() != null) {
                continue;
            }
            try {
                pending.workload(codec.encode(JobPayload.encode(pending.job())).getBytes(StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                it.remove();
                pending.submitted();
                log.line("cannot send the " + pending.describe() + " to queue '" + pending.queue() + "': "
                        + e.getMessage());
                if (pending.claim()) {
                    pending.end(PluginResult.notStarted("mod_gearman's job text cannot carry it: " + e.getMessage(),
                            clock.instant()));
                }
            }
        }
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
