package org.vigil.checks.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.output.OutputDecoder;

/**
 * An experiment, kept with its benchmark (bench/plugins/workers.sh) and not used by the engine: it cost 0.36-0.60 ms
 * more CPU per run than {@link DirectRunner} (docs/performance.md, "Plugin workers"), because a perl process's
 * fork costs more than the JVM's vfork saves.
 *
 * <p>Runs plugins through a few long-lived {@code plugin-worker.pl} processes, as Nagios 4 runs them through its
 * workers: the JVM never forks; each worker forks and execs the plugin in its own process group, reads its output while
 * others run, and kills its process group at the timeout. Same results as {@link DirectRunner}; a worker that dies
 * is restarted at the next run.
 */
public final class WorkerRunner implements PluginRunner, AutoCloseable {

    /** Where the workers' interpreter is: perl-base is Essential in Debian. */
    public static final Path PERL = Path.of("/usr/bin/perl");
    /** How long past a run's own timeout the worker may take to answer before it is given up as hung. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final RunnerOptions options;
    private final Path perl;
    private final PluginWorker[] workers;
    private final RunTags tags = new RunTags();
    private final AtomicLong ids = new AtomicLong();

    private WorkerRunner(RunnerOptions options, Path perl, PluginWorker[] workers) {
        this.options = options;
        this.perl = perl;
        this.workers = workers;
    }

    /** Starts {@code count} workers with {@code perl}; IOException (and nothing left running) if one cannot start. */
    public static WorkerRunner start(RunnerOptions options, int count, Path perl) throws IOException {
        PluginWorker[] ws = new PluginWorker[Math.max(1, count)];
        try {
            for (int i = 0; i < ws.length; i++) {
                ws[i] = PluginWorker.start(perl, options.outputLimit(), "vigil-plugin-worker-" + i);
            }
        } catch (IOException e) {
            for (PluginWorker w : ws) {
                if (w != null) {
                    w.close();
                }
            }
            throw e;
        }
        return new WorkerRunner(options, perl, ws);
    }

    @Override
    public PluginResult run(CommandLine line, Map<String, String> environment, Duration timeout) {
        Instant start = options.clock().instant();
        // the worker execs the plugin directly: its own process group replaces the setsid wrapper
        ExecPlan plan = ExecPlan.of(line, environment, null);
        if (plan.execFailure().isPresent()) {
            ExecPlan.PluginFailure f = plan.execFailure().get();
            return new PluginResult(f.errno(), "", f.stderr(), start, options.clock().instant(), false, false, null);
        }
        String tag = options.tagEnvironment() ? tags.next() : null;
        long id = ids.incrementAndGet();
        byte[] request = WorkerProtocol.request(id, Math.max(1, timeout.toMillis()), tag, plan.argv(), environment);
        if (request == null) {
            return new PluginResult(22, "", "execvp(" + plan.argv().get(0) + ", ...) failed. errno is 22: "
                    + "Invalid argument\n", start, options.clock().instant(), false, false, null);
        }
        PluginWorker worker = pick();
        if (worker == null) {
            return PluginResult.notStarted("no plugin worker could be started", start);
        }
        WorkerProtocol.Reply reply;
        try {
            reply = await(worker, Long.toString(id), request, timeout);
        } catch (IOException e) {
            return PluginResult.notStarted(e.getMessage(), start);
        }
        if (reply.exit() < 0) {
            return PluginResult.notStarted(OutputDecoder.decode(reply.stderr()), start);
        }
        Instant end = options.clock().instant();
        if (reply.timedOut()) {
            // the worker killed the plugin's process group; what left the group but kept the tag goes too (after the
            // end time: that scan of /proc is cleanup, not the plugin's run time)
            killTagged(tag);
        }
        return new PluginResult(reply.exit(), OutputDecoder.decode(reply.stdout()), OutputDecoder.decode(reply.stderr()),
                start, end, reply.timedOut(), reply.truncated(), null);
    }

    private WorkerProtocol.Reply await(PluginWorker worker, String id, byte[] request, Duration timeout)
            throws IOException {
        CompletableFuture<WorkerProtocol.Reply> f = worker.submit(id, request);
        boolean interrupted = false;
        long waitNanos = timeout.plus(GRACE).toNanos();
        long end = System.nanoTime() + waitNanos;
        try {
            while (true) {
                try {
                    return f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                } catch (TimeoutException e) {
                    worker.abandon(id);
                    worker.close();
                    throw new IOException("plugin worker gave no answer within " + timeout.plus(GRACE).toSeconds()
                            + " s; restarted");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The least loaded live worker, restarting dead ones; null when none runs and none can be started. */
    private synchronized PluginWorker pick() {
        PluginWorker best = null;
        for (int i = 0; i < workers.length; i++) {
            if (!workers[i].alive()) {
                workers[i].close();
                try {
                    workers[i] = PluginWorker.start(perl, options.outputLimit(), "vigil-plugin-worker-" + i);
                } catch (IOException e) {
                    continue;
                }
            }
            if (best == null || workers[i].load() < best.load()) {
                best = workers[i];
            }
        }
        return best;
    }

    /** Kills every process tagged with this run's tag: what a timed-out plugin started that left its group. */
    private static void killTagged(String tag) {
        if (tag == null) {
            return;
        }
        byte[] marker = (ProcessTree.TAG + "=" + tag).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int round = 0; round < 5; round++) {
            boolean any = false;
            // Long.MIN_VALUE: a session id no process has
            for (long pid : ProcessTree.scan(Long.MIN_VALUE, marker)) {
                any |= ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
            }
            if (!any) {
                break;
            }
        }
    }

    /** The workers' process ids (for measurements). */
    public synchronized Map<Integer, Long> workerPids() {
        Map<Integer, Long> out = new HashMap<>();
        for (int i = 0; i < workers.length; i++) {
            out.put(i, workers[i].pid());
        }
        return out;
    }

    @Override
    public synchronized void close() {
        for (PluginWorker w : workers) {
            w.close();
        }
    }
}
