package org.vigil.checks.exec;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.vigil.checks.command.CommandLine;

/**
 * The lean executor: {@link ProcessBuilder} with no thread of its own per run. The calling thread reads stdout to the
 * end; stderr goes to a scratch file per calling thread, read only when stdout was empty (the only case Nagios uses
 * it); the shared {@link TimeoutReaper} kills the tree at the deadline. Same results as {@link CommonsExecRunner}.
 */
public final class DirectRunner implements PluginRunner, AutoCloseable {

    private final RunnerOptions options;
    private final TimeoutReaper reaper = new TimeoutReaper();
    private final RunTags tags = new RunTags();
    private static final java.io.File DEV_NULL = new java.io.File("/dev/null");
    private final ThreadLocal<StderrFile> scratch = ThreadLocal.withInitial(StderrFile::createOrNull);

    public DirectRunner(RunnerOptions options) {
        this.options = options;
    }

    @Override
    public PluginResult run(CommandLine line, Map<String, String> environment, Duration timeout) {
        Instant start = options.clock().instant();
        ExecPlan plan = ExecPlan.of(line, environment, options.setsid(), options.launcher());
        if (plan.execFailure().isPresent()) {
            return plan.execFailure().get().result(start, options.clock().instant());
        }
        StderrFile errFile = scratch.get();
        ProcessBuilder pb = new ProcessBuilder(plan.argv())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectError(errFile == null ? ProcessBuilder.Redirect.DISCARD : errFile.redirect());
        if (!environment.isEmpty()) {
            pb.environment().putAll(environment);
        }
        String tag = options.tagEnvironment() ? tags.next() : null;
        if (tag != null) {
            pb.environment().put(ProcessTree.TAG, tag);
        }
        Process p;
        try {
            // forking is the CPU-heavy part: a few at a time (ForkCap)
            ForkCap.acquire();
            try {
                p = pb.start();
            } finally {
                ForkCap.release();
            }
        } catch (IOException e) {
            return launchFailed(line, e, start);
        }
        // stdout stays open until the deadline is disarmed, so the reaper can look its pipe up only if it fires
        TimeoutReaper.Deadline deadline = reaper.armWhileStdoutOpen(p, tag, timeout);
        CappedBuffer out = new CappedBuffer(options.outputLimit());
        CappedBuffer err = new CappedBuffer(options.outputLimit());
        int exit;
        InputStream in = p.getInputStream();
        try {
            in.transferTo(out);
            exit = p.waitFor();
        } catch (IOException e) {
            exit = waitQuietly(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(p.toHandle(), tag, null);
            exit = waitQuietly(p);
        } finally {
            deadline.cancel();
            closeQuietly(in);
        }
        String stdout = out.text();
        if (errFile != null) {
            errFile.collect(stdout.isEmpty() ? err : null);
        }
        return new PluginResult(exit, stdout, err.text(), start, options.clock().instant(), deadline.fired(),
                out.truncated() || err.truncated(), null);
    }

    private static int waitQuietly(Process p) {
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the pipe's read end; nothing to recover
        }
    }

    /** As Nagios's child reports a failed exec (exit status = errno), or "did not exit properly" for the rest. */
    private PluginResult launchFailed(CommandLine line, IOException e, Instant start) {
        return ExecPlan.fromLaunchError(line.execArgv().get(0), e.getMessage())
                .map(f -> f.result(start, options.clock().instant()))
                .orElseGet(() -> PluginResult.notStarted(String.valueOf(e.getMessage()), start));
    }

    @Override
    public void close() {
        reaper.close();
    }
}
