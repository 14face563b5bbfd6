package org.vigil.engine.flap;

import org.vigil.engine.state.CheckTarget;

/**
 * One change of an object's flapping state, for the engine to log and to tell its listeners.
 *
 * @param threshold the high threshold that was reached (STARTED), the low one fallen below (STOPPED), 0 for
 *        DISABLED
 * @param logLine the main log line, without the {@code [timestamp] } prefix
 * @param notifies whether Nagios would send the FLAPPINGSTART/STOP/DISABLED notification here (not for an
 *        object found flapping again when retained state is read at start)
 */
public record FlapEvent(Kind kind, CheckTarget target, double percent, double threshold, String logLine,
                        boolean notifies) {

    /** What happened. */
    public enum Kind { STARTED, STOPPED, DISABLED }
}
