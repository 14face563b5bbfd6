package org.vigil.worker.pool;

import java.time.Duration;
import java.util.function.Consumer;
import org.vigil.worker.gearman.GearmanException;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.run.JobLoop;

/**
 * Runs a {@link JobLoop} until stopped, never giving up on its gearmand: when the connection is lost (or cannot be
 * made) it waits, doubling the wait from {@link #FIRST_WAIT} up to {@link #LONGEST_WAIT}, and connects again. The
 * outage is reported through the server's {@link ServerOutage}, so it is logged once however many loops see it.
 */
final class ReconnectingLoop implements Runnable {

    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final JobLoop loop;
    private final ServerOutage outage;
    private final Consumer<String> log;
    private final Object wake = new Object();
    private volatile boolean stopped;

    ReconnectingLoop(JobLoop loop, ServerOutage outage, Consumer<String> log) {
        this.loop = loop;
        this.outage = outage;
        this.log = log;
    }

    JobLoop loop() {
        return loop;
    }

    @Override
    public void run() {
        Duration wait = FIRST_WAIT;
        while (!stopped) {
            try {
                if (outage.isDown()) {
                    // JobLoop says nothing when it connects: a connection of our own tells the outage is over
                    GearmanWorker.connect(loop.server(), PROBE_TIMEOUT).close();
                    outage.reached();
                }
                loop.run(); // returns only when stopped
                return;
            } catch (GearmanException e) {
                outage.lost(e.getMessage());
            } catch (RuntimeException e) {
                // a fault in one job's handling must not end the worker: the loop connects again and goes on
                log.accept("A job loop on " + loop.server() + " failed (" + e + "); it connects again");
            }
            pause(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /** Ends the loop after the job it runs, if any; a loop waiting to reconnect ends at once. */
    void stop() {
        stopped = true;
        loop.stop();
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void pause(Duration wait) {
        synchronized (wake) {
            if (stopped) {
                return;
            }
            try {
                wake.wait(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }
}
