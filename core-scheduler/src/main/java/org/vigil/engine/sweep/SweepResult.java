package org.vigil.engine.sweep;

/**
 * One swept check's result, as the state machine left the object: its state ({@code OK}, {@code DOWN}...), state
 * type, first line of output, and the state before the sweep ({@code PENDING} if it had none), so a change is seen.
 * {@code ran} is false for a check that could not be run (its output says why).
 */
public record SweepResult(String host, String service, String state, boolean ok, String stateType, String output,
                          String previousState, boolean ran) {

    /** Whether the state differs from the previous result's (a first result, after PENDING, is no change). */
    public boolean changed() {
        return !previousState.equals("PENDING") && !state.equals(previousState);
    }

    /** {@code host} or {@code host/service}. */
    public String name() {
        return service == null ? host : host + "/" + service;
    }
}
