package org.vigil.checks.exec;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** One thread for every timeout of a runner, instead of a watchdog thread per plugin run. */
final class TimeoutReaper implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    TimeoutReaper() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigil-plugin-reaper");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** A pending kill of one process tree; {@link #cancel()} it when the plugin ends in time. */
    final class Deadline {
        private final AtomicBoolean fired = new AtomicBoolean();
        private final ScheduledFuture<?> future;
        private boolean cancelled; // guarded by this: the pipe is looked up only while the caller holds it open

        private Deadline(Process process, String tag, Duration timeout, Supplier<String> stdoutPipe) {
            future = timer.schedule(() -> {
                String pipe;
                synchronized (this) {
                    if (cancelled) {
                        return;
                    }
                    fired.set(true);
                    pipe = stdoutPipe.get();
                }
                ProcessTree.kill(process.toHandle(), tag, pipe);
            }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }

        /** Disarms the kill; once this returns the deadline no longer looks at the plugin's stdout. */
        void cancel() {
            synchronized (this) {
                cancelled = true;
            }
            future.cancel(false);
        }

        boolean fired() {
            return fired.get();
        }
    }

    /**
     * Kills the tree of {@code process}, and every process tagged {@code tag} (may be null), at the timeout; the
     * pipe of its stdout is looked up now (for callers that do not control when the stream is closed).
     */
    Deadline arm(Process process, String tag, Duration timeout) {
        String pipe = ProcessTree.stdoutPipe(process);
        return new Deadline(process, tag, timeout, () -> pipe);
    }

    /**
     * As {@link #arm(Process, String, Duration)}, but the stdout pipe is looked up only if the deadline fires
     * (a readlink of /proc per run saved): the caller must keep the process's stdout open until
     * {@link Deadline#cancel()} has returned.
     */
    Deadline armWhileStdoutOpen(Process process, String tag, Duration timeout) {
        return new Deadline(process, tag, timeout, () -> ProcessTree.stdoutPipe(process));
    }

    ScheduledExecutorService executor() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
