package org.vigil.checks.exec;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

        private Deadline(Process process, String tag, Duration timeout) {
            String pipe = ProcessTree.stdoutPipe(process);
            future = timer.schedule(() -> {
                fired.set(true);
                ProcessTree.kill(process.toHandle(), tag, pipe);
            }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }

        void cancel() {
            future.cancel(false);
        }

        boolean fired() {
            return fired.get();
        }
    }

    /** Kills the tree of {@code process}, and every process tagged {@code tag} (may be null), at the timeout. */
    Deadline arm(Process process, String tag, Duration timeout) {
        return new Deadline(process, tag, timeout);
    }

    ScheduledExecutorService executor() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
