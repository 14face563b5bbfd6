package org.vigil.livestatus.server;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off connections that overrun a deadline (a request not sent in time, an answer not read in time): blocking
 * reads and writes on a channel have no timeout of their own, but closing the channel ends them at once. One thread
 * for the whole server.
 */
final class Watchdog implements AutoCloseable {

    /** A deadline that may still be disarmed. */
    interface Deadline {
        /** The deadline no longer applies; false if it had already passed. */
        boolean disarm();
    }

    private static final Deadline NONE = () -> true;

    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigil-livestatus-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code cutOff} after {@code timeout} unless disarmed first; a zero timeout never does. */
    Deadline arm(Duration timeout, Runnable cutOff) {
        if (timeout.isZero()) {
            return NONE;
        }
        ScheduledFuture<?> f = timer.schedule(cutOff, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
