package org.vigil.engine;

import org.vigil.engine.downtime.Downtime;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;

/**
 * What the engine tells the parts after it (notifier, web, metrics) about each processed result. Called on
 * the engine thread: implementations must be quick and must not block.
 */
public interface EngineListener {

    /** A result was applied to {@code status}; {@code effects} says what it changed. */
    default void resultApplied(CheckTarget target, CheckableStatus<?> status, Effects effects) {
    }

    // downtimes: Nagios's DOWNTIMESTART, DOWNTIMEEND and DOWNTIMECANCELLED notifications are due here

    /** {@code downtime} started and the object entered downtime (depth was 0); once per downtime. */
    default void downtimeStarted(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
    }

    /**
     * The object left downtime when {@code downtime} ended (depth is 0 again); also called, as Nagios does, when a
     * flexible downtime expires without having started.
     */
    default void downtimeEnded(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
    }

    /** {@code downtime} was cancelled while in effect and the object left downtime. */
    default void downtimeCancelled(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
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

    /** Nothing is listening. */
    EngineListener NONE = new EngineListener() {
    };
}
