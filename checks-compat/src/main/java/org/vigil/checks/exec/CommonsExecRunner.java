package org.vigil.checks.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.PumpStreamHandler;
import org.vigil.checks.command.CommandLine;

/**
 * The documented executor: runs plugins through Apache Commons Exec ({@link DefaultExecutor} with a
 * {@link PumpStreamHandler}, which starts two pump threads per run). Timeouts are enforced by one shared
 * {@link TimeoutReaper} thread that kills the plugin's whole process tree, since Commons Exec's own watchdog would
 * start a third thread per run and only kill the top process.
 */
public final class CommonsExecRunner implements PluginRunner, AutoCloseable {

    private final RunnerOptions options;
    private final TimeoutReaper reaper = new TimeoutReaper();
    private final RunTags tags = new RunTags();
    private final Map<String, String> baseEnvironment = Map.copyOf(System.getenv());

    public CommonsExecRunner(RunnerOptions options) {
        this.options = options;
    }

    @Override
    public PluginResult run(CommandLine line, Map<String, String> environment, Duration timeout) {
        Instant start = options.clock().instant();
        ExecPlan plan = ExecPlan.of(line, environment, options.setsid(), options.launcher());
        if (plan.execFailure().isPresent()) {
            return plan.execFailure().get().result(start, options.clock().instant());
        }
        CappedBuffer out = new CappedBuffer(options.outputLimit());
        CappedBuffer err = new CappedBuffer(options.outputLimit());
        String tag = options.tagEnvironment() ? tags.next() : null;
        CapturingExecutor executor = new CapturingExecutor(timeout, tag);
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setExitValues(null);
        int exit;
        try {
            exit = executor.execute(toCommons(plan.argv()), environment(environment, tag));
        } catch (ExecuteException e) {
            exit = e.getExitValue();
        } catch (IOException e) {
            executor.cancel();
            return launchFailed(line, e, start);
        }
        boolean timedOut = executor.cancel();
        return new PluginResult(exit, out.text(), err.text(), start, options.clock().instant(), timedOut,
                out.truncated() || err.truncated(), null);
    }

    private static org.apache.commons.exec.CommandLine toCommons(List<String> argv) {
        org.apache.commons.exec.CommandLine cl = new org.apache.commons.exec.CommandLine(argv.get(0));
        for (int i = 1; i < argv.size(); i++) {
            cl.addArgument(argv.get(i), false);
        }
        return cl;
    }

    /** Commons Exec replaces the whole environment when given one, so the engine's own is copied in first. */
    private Map<String, String> environment(Map<String, String> extra, String tag) {
        if (extra.isEmpty() && tag == null) {
            return null;
        }
        Map<String, String> env = new HashMap<>(baseEnvironment);
        env.putAll(extra);
        if (tag != null) {
            env.put(ProcessTree.TAG, tag);
        }
        return env;
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

    /** Arms the reaper as soon as Commons Exec has launched the process. */
    private final class CapturingExecutor extends DefaultExecutor {
        private final Duration timeout;
        private final String tag;
        private volatile TimeoutReaper.Deadline deadline;

        @SuppressWarnings("deprecation")
        CapturingExecutor(Duration timeout, String tag) {
            super();
            this.timeout = timeout;
            this.tag = tag;
        }

        @Override
        protected Process launch(org.apache.commons.exec.CommandLine command, Map<String, String> env, Path dir)
                throws IOException {
            Process p = super.launch(command, env, dir);
            deadline = reaper.arm(p, tag, timeout);
            return p;
        }

        /** Disarms the deadline; true when it had already fired. */
        boolean cancel() {
            TimeoutReaper.Deadline d = deadline;
            if (d == null) {
                return false;
            }
            d.cancel();
            return d.fired();
        }
    }
}
