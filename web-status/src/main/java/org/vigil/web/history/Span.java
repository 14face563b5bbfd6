package org.vigil.web.history;

/**
 * A stretch of a subject's history in the report period: {@code [from, until)} in epoch seconds, in {@code state}
 * ({@link Archived#NO_DATA} when undetermined); {@code notRunning} when the program was stopped then (the state is
 * then the one assumed, or undetermined when none is).
 */
public record Span(long from, long until, Archived state, boolean notRunning) {

    public long seconds() {
        return until - from;
    }
}
