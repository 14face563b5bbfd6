package org.vigil.web.hooks;

import java.time.Instant;

/**
 * One event a pager reported, as Vigil reads it: its identity (for replays), its time, what happened, the dedup key
 * of the incident or alert (the one Vigil sent), and who did it.
 *
 * @param id     unique per event for its receiver (PagerDuty's {@code event.id}; Opsgenie's alert, action and time)
 * @param type   the pager's own name of what happened ({@code incident.acknowledged}, {@code Acknowledge})
 * @param key    the dedup key, or "" for an event Vigil does not act on
 * @param user   who acted in the pager (a name, or the pager itself for automatic changes)
 */
record PagerEvent(String id, Instant occurredAt, Action action, String type, String key, String user) {

    /** What Vigil does with an event. */
    enum Action {
        /** The incident or alert was acknowledged: so is the problem in Vigil. */
        ACKNOWLEDGE,
        /** The acknowledgement was taken back (or timed out in PagerDuty): Vigil's is removed. */
        UNACKNOWLEDGE,
        /** Resolved or closed in the pager: a comment; the next check decides the state. */
        RESOLVE,
        /** Any other event (triggered, note added...): answered, counted, nothing done. */
        IGNORE
    }
}
