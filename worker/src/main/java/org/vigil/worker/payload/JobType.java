package org.vigil.worker.payload;

import java.util.Arrays;
import java.util.Optional;

/** The {@code type=} of a mod_gearman job, as {@code worker/worker_client.c} dispatches on it. */
public enum JobType {
    HOST("host"), SERVICE("service"), EVENTHANDLER("eventhandler"), NOTIFICATION("notification");

    private final String wire;

    JobType(String wire) {
        this.wire = wire;
    }

    /** The text on the {@code type=} line. */
    public String wire() {
        return wire;
    }

    static Optional<JobType> fromWire(String text) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(text)).findFirst();
    }
}
