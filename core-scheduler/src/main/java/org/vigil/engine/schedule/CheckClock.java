package org.vigil.engine.schedule;

import java.time.Instant;

/**
 * When each check is due. The engine keeps one entry per host or service check and moves it after every
 * result, as Nagios keeps one next_check per object; the clock calls back when an entry is due.
 */
public interface CheckClock extends AutoCloseable {

    /** Sets (or moves) the due time of {@code checkId}. */
    void schedule(String checkId, Instant at);

    /** Forgets {@code checkId} (object removed or checks disabled). */
    void cancel(String checkId);

    /** Starts calling {@code onDue} for entries whose time has come, late ones first. */
    void start(DueHandler onDue);

    /** Stops calling back; pending entries are dropped. */
    @Override
    void close();

    /** Receives due checks; must return quickly (hand the work to the check pool). */
    @FunctionalInterface
    interface DueHandler {
        void due(String checkId, Instant scheduledFor);
    }
}
