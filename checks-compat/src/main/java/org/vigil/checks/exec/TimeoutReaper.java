package org.vigil.checks.exec;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
        private boolean cancelled; // guarded by this: the pipe is looked up and the kill sent only before cancel()

        private Deadline(Duration timeout, Supplier<String> stdoutPipe, Consumer<String> kill) {
            future = timer.schedule(() -> {
                // the kill runs under the lock too: once cancel() has returned, nothing of the run is touched (the
                // native runner reaps the plugin, freeing its pid for reuse, only after that)
                synchronized (this) {
                    if (cancelled) {
                        return;
                    }
                    fired.set(true);
                    kill.accept(stdoutPipe.get());
                }
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
        return new Deadline(timeout, () -> pipe, p -> ProcessTree.kill(process.toHandle(), tag, p));
    }

    /**
     * As {@link #arm(Process, String, Duration)}, but the stdout pipe is looked up only if the deadline fires
     * (a readlink of /proc per run saved): the caller must keep the process's stdout open until
     * {@link Deadline#cancel()} has returned.
     */
    Deadline armWhileStdoutOpen(Process process, String tag, Duration timeout) {
        return new Deadline(timeout, () -> ProcessTree.stdoutPipe(process),
                p -> ProcessTree.kill(process.toHandle(), tag, p));
    }

    /**
     * At the timeout, calls {@code kill} with the stdout pipe {@code stdoutPipe} names then (looked up only if the
     * deadline fires: the caller keeps stdout open until {@link Deadline#cancel()} has returned).
     */
    Deadline arm(Duration timeout, Supplier<String> stdoutPipe, Consumer<String> kill) {
        return new Deadline(timeout, stdoutPipe, kill);
    }

    ScheduledExecutorService executor() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
