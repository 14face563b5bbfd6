package org.vigil.worker.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.GearmanException;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.gearman.Job;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.JobPayload;
import org.vigil.worker.payload.JobType;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.PayloadException;
import org.vigil.worker.payload.ResultPayload;
import org.vigil.worker.payload.WorkerResult;

/**
 * One worker connection serving a list of queues ({@code service}, {@code host}, {@code hostgroup_web}...) as
 * mod_gearman's worker does: grabs a job, decodes it with the shared key, runs its command line with the job's
 * timeout (the worker's {@code job_timeout} when the job gives none), submits the result as a background job on the
 * job's result queue and reports the job complete. Event handler and notification jobs run forked with no result. A job that cannot be read is logged and failed; the loop goes on.
 * {@link #run} blocks until {@link #stop}.
 */
public final class JobLoop implements Runnable {

    /** How long one wait for a job lasts before the loop looks whether it was stopped. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(10);

    private final ServerAddress server;
    private final List<String> queues;
    private final PayloadCodec codec;
    private final PluginRunner checkRunner;
    private final PluginRunner forked;
    private final String identifier;
    private final Duration jobTimeout;
    private final Consumer<String> log;
    private volatile boolean stopped;
    private volatile boolean busy;
    private volatile long lastActive = System.nanoTime();

    /**
     * @param server     the gearmand
     * @param queues     the functions this worker takes jobs on
     * @param codec      the payload codec with the shared key (results are encoded with it too)
     * @param forked     the forking plugin runner ({@code PluginRunners}), for event handlers and notifications
     * @param builtins   which checks run built-in in front of {@code forked}, as for local execution
     * @param identifier the worker's name in results' {@code source} and timeout texts
     * @param jobTimeout the timeout of jobs that carry none ({@code job_timeout})
     * @param log        where the loop's lines go
     */
    public JobLoop(ServerAddress server, List<String> queues, PayloadCodec codec, PluginRunner forked,
            BuiltinSwitches builtins, String identifier, Duration jobTimeout, Consumer<String> log) {
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one queue to serve");
        }
        this.server = server;
        this.queues = List.copyOf(queues);
        this.codec = codec;
        this.forked = forked;
        this.checkRunner = builtins.inFrontOf(forked);
        this.identifier = identifier;
        this.jobTimeout = jobTimeout;
        this.log = log;
    }

    /** Serves jobs until {@link #stop}; a lost connection to gearmand ends it with its {@link GearmanException}. */
    @Override
    public void run() {
        try (GearmanWorker worker = GearmanWorker.connect(server, IO_TIMEOUT);
             GearmanClient results = GearmanClient.connect(server, IO_TIMEOUT)) {
            worker.setClientId(identifier);
            queues.forEach(worker::canDo);
            while (!stopped) {
                Optional<Job> job = worker.awaitJob(POLL);
                if (job.isPresent()) {
                    busy = true;
                    try {
                        serve(worker, results, job.get());
                    } finally {
                        busy = false;
                        lastActive = System.nanoTime();
                    }
                }
            }
        }
    }

    /** Asks the loop to end: it does within a fraction of a second, after the job it runs, if any. */
    public void stop() {
        stopped = true;
    }

    /** The gearmand this loop serves. */
    public ServerAddress server() {
        return server;
    }

    /** Whether the loop is running a job now. */
    public boolean busy() {
        return busy;
    }

    /** How long the loop has been without a job (since it was made, or since its last job ended); zero when busy. */
    public Duration idle() {
        return busy ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastActive);
    }

    private void serve(GearmanWorker worker, GearmanClient results, Job job) {
        String text;
        CheckJob check;
        try {
            text = codec.decode(new String(job.data(), StandardCharsets.US_ASCII));
        } catch (PayloadException e) {
            discard(worker, job, codec.isEncrypted()
                    ? "it does not decrypt with this worker's key: the key does not match the central node's"
                            + " (or the central node does not encrypt): " + e.getMessage()
                    : e.getMessage());
            return;
        }
        try {
            check = JobPayload.decode(text);
        } catch (PayloadException e) {
            discard(worker, job, e.getMessage());
            return;
        }
        Duration timeout = check.timeout() > 0 ? Duration.ofSeconds(check.timeout()) : jobTimeout;
        if (check.type() != JobType.HOST && check.type() != JobType.SERVICE) {
            // as mod_gearman: event handlers and notifications run, forked, and send no result back
            forked.run(CommandLine.parse(check.commandLine()), Map.of(), timeout);
            worker.complete(job, new byte[0]);
            return;
        }
        PluginResult run = checkRunner.run(CommandLine.parse(check.commandLine()), Map.of(), timeout);
        WorkerResult result = CheckOutcome.of(check, run, identifier);
        String queue = check.resultQueue().orElse("check_results");
        results.submitBackground(queue, codec.encode(ResultPayload.encode(result))
                .getBytes(StandardCharsets.US_ASCII));
        worker.complete(job, new byte[0]);
    }

    private void discard(GearmanWorker worker, Job job, String why) {
        log.accept("Discarded a job on queue '" + job.function() + "' (handle " + job.handle()
                + ") that cannot be read: " + why);
        worker.fail(job);
    }
}
