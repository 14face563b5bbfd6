package org.vigil.worker.gearman;

/**
 * A Gearman exchange that failed: the message says what went wrong in words meant for a user (server address,
 * packet, or the server's own error), never a stack trace.
 */
public class GearmanException extends RuntimeException {

    public GearmanException(String message) {
        super(message);
    }

    public GearmanException(String message, Throwable cause) {
        super(message, cause);
    }
}
