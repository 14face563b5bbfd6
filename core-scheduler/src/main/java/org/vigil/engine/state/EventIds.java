package org.vigil.engine.state;

/**
 * Nagios's global {@code next_event_id} and {@code next_problem_id} counters: every state change takes
 * an event id, every new problem a problem id. Owned by the engine thread and kept in retention.
 */
public final class EventIds {

    private long nextEventId;
    private long nextProblemId;

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

    /** Continues the counters where a previous run left them (from retention); never goes back. */
    public void restore(long nextEvent, long nextProblem) {
        nextEventId = Math.max(nextEventId, nextEvent);
        nextProblemId = Math.max(nextProblemId, nextProblem);
    }

    public long nextEventId() {
        return nextEventId;
    }

    public long nextProblemId() {
        return nextProblemId;
    }
}
