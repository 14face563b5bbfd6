package org.vigil.worker.gearman;

/** A packet or admin reply that breaks the Gearman protocol: bad magic, unknown type, short or oversized packet. */
public class GearmanProtocolException extends GearmanException {

    public GearmanProtocolException(String message) {
        super(message);
    }
}
