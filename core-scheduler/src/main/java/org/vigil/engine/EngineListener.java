package org.vigil.engine;

import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.downtime.DowntimeListener;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;

/**
 * What the engine tells the parts after it (notifier, web, metrics) about each processed result. Called on
 * the engine thread: implementations must be quick and must not block. Downtimes start and end through
 * {@link DowntimeListener}, which the downtimes declare.
 */
public interface EngineListener extends DowntimeListener {

    /** A result was applied to {@code status}; {@code effects} says what it changed. */
    default void resultApplied(CheckTarget target, CheckableStatus<?> status, Effects effects) {
    }

    // flap detection: Nagios sends FLAPPINGSTART, FLAPPINGSTOP and FLAPPINGDISABLED notifications here

    /** {@code target} started flapping: its percent state change reached {@code threshold} (the high one). */
    default void flappingStarted(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
    }

    /** {@code target} stopped flapping: its percent state change fell to {@code threshold} (the low one) or below. */
    default void flappingStopped(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
    }

    /** Flap detection was turned off (globally or for {@code target}) while it was flapping; threshold is 0. */
    default void flappingDisabled(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
    }

    /**
     * A problem was acknowledged ({@code ACKNOWLEDGE_*_PROBLEM}); called before the acknowledgement is set, as
     * Nagios sends the ACKNOWLEDGEMENT notification first. {@code notify} is the command's notify flag: the
     * notifier sends the notification only when it is set.
     */
    default void acknowledged(CheckTarget target, CheckableStatus<?> status, String author, String comment,
                              boolean notify) {
    }

    /**
     * {@code SEND_CUSTOM_HOST_NOTIFICATION}/{@code SEND_CUSTOM_SVC_NOTIFICATION}: a CUSTOM notification is asked
     * for, with Nagios's option bits (1 broadcast, 2 forced, 4 increment the notification number).
     */
    default void customNotification(CheckTarget target, CheckableStatus<?> status, int options, String author,
                                    String comment) {
    }

    /** {@code first} and then {@code second}, heard as one listener. */
    static EngineListener both(EngineListener first, EngineListener second) {
        return new BothListeners(first, second);
    }

    /** Nothing is listening. */
    EngineListener NONE = new EngineListener() {
    };
}
