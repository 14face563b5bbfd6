package org.vigil.worker.pool;

import java.util.function.Consumer;
import org.vigil.worker.gearman.ServerAddress;

/**
 * Whether one gearmand is reachable, as the loops serving it find out: a lost gearmand is logged once per outage,
 * however many loops notice it, and once more when a loop reaches it again.
 */
final class ServerOutage {

    private final ServerAddress server;
    private final Consumer<String> log;
    private boolean down;
    private long since;

    ServerOutage(ServerAddress server, Consumer<String> log) {
        this.server = server;
        this.log = log;
    }

    /** A loop lost (or could not make) its connection for {@code reason}; logs it when this starts an outage. */
    synchronized void lost(String reason) {
        if (!down) {
            down = true;
            since = System.nanoTime();
            log.accept("Lost gearmand at " + server + ": " + reason + "; retrying until it is back");
        }
    }

    /** A loop reached gearmand; logs the end of an outage. */
    synchronized void reached() {
        if (down) {
            down = false;
            long seconds = (System.nanoTime() - since) / 1_000_000_000L;
            log.accept("gearmand at " + server + " is back after " + seconds + " s; serving again");
        }
    }

    synchronized boolean isDown() {
        return down;
    }
}
