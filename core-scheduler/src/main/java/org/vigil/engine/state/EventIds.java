package org.vigil.engine.state;

/**
 * Nagios's global {@code next_event_id}, {@code next_problem_id} and {@code next_notification_id} counters: every
 * state change takes an event id, every new problem a problem id, every notification that passes the viability
 * checks a notification id. Owned by the engine thread and kept in retention.
 */
public final class EventIds {

    private long nextEventId;
    private long nextProblemId;
    private long nextNotificationId = 1;

    public EventIds(long nextEventId, long nextProblemId) {
        this.nextEventId = nextEventId;
        this.nextProblemId = nextProblemId;
    }

    /** The counters of a fresh start without retention, as Nagios initialises them. */
    public static EventIds fresh() {
        return new EventIds(1, 1);
    }

    long takeEventId() {
        return nextEventId++;
    }

    long takeProblemId() {
        return nextProblemId++;
    }

    /** The id of a notification about to be sent ({@code current_notification_id}); engine thread. */
    public long takeNotificationId() {
        return nextNotificationId++;
    }

    /** Continues the counters where a previous run left them (from retention); never goes back. */
    public void restore(long nextEvent, long nextProblem, long nextNotification) {
        nextEventId = Math.max(nextEventId, nextEvent);
        nextProblemId = Math.max(nextProblemId, nextProblem);
        nextNotificationId = Math.max(nextNotificationId, nextNotification);
    }

    public long nextNotificationId() {
        return nextNotificationId;
    }

    public long nextEventId() {
        return nextEventId;
    }

    public long nextProblemId() {
        return nextProblemId;
    }
}
