package org.vigil.engine.flap;

import java.time.Instant;
import org.vigil.config.model.FlapSettings;

/** The flap detection state of one object that its status does not carry: history, comment, settings. */
final class ObjectFlap {

    final FlapSettings settings;
    /** Seconds a host waits between records taken from its services' results; 0 for services. */
    final long waitSeconds;
    StateHistory history = new StateHistory();
    Instant lastHistoryUpdate = Instant.EPOCH;
    /** The flapping comment's id, 0 when there is none. */
    long commentId;

    ObjectFlap(FlapSettings settings, long waitSeconds) {
        this.settings = settings;
        this.waitSeconds = waitSeconds;
    }
}
