package org.vigil.engine.downtime;

import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;

/**
 * Who hears that an object entered or left downtime: Nagios's DOWNTIMESTART, DOWNTIMEEND and DOWNTIMECANCELLED
 * notifications are due here. Declared by the downtimes so that they do not know the engine's listener.
 */
public interface DowntimeListener {

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
}
