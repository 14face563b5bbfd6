package org.vigil.web.history;

/**
 * avail.cgi's report options about what it assumes where the log says nothing: a state at a program start (the
 * last known one with {@code stateRetention}, else UP/OK), the last state while the program was stopped, and
 * whether soft states count. {@link #DEFAULTS} are avail.cgi's defaults.
 */
public record Assumptions(boolean initialStates, boolean stateRetention, boolean statesDuringNotRunning,
                          boolean includeSoftStates) {

    /** avail.cgi's defaults: assume initial states, state retention and states while not running; hard states. */
    public static final Assumptions DEFAULTS = new Assumptions(true, true, true, false);
}
