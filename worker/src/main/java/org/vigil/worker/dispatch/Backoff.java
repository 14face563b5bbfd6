package org.vigil.worker.dispatch;

import java.time.Duration;

/** The wait between reconnects to gearmand: doubling from {@link #FIRST} up to {@link #MOST}, reset on success. */
final class Backoff {

    static final Duration FIRST = Duration.ofMillis(50);
    static final Duration MOST = Duration.ofSeconds(2);

    private Duration next = FIRST;

    void reset() {
        next = FIRST;
    }

    /** Sleeps the current wait and doubles the next; false when interrupted (the dispatch is closing). */
    boolean sleep() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(MOST) > 0 ? MOST : next.multipliedBy(2);
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
