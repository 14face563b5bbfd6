package org.vigil.notify.delivery;

/** A delivery that did not happen, with whether it is worth trying again (server down) or not (bad address). */
public final class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** The receiver is unreachable or failed for now: the outbox tries again with backoff. */
    public static DeliveryException temporary(String message, Throwable cause) {
        return new DeliveryException(message, true, cause);
    }

    /** Trying again cannot help (rejected address, broken template, 4xx): the delivery is marked failed. */
    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public boolean retryable() {
        return retryable;
    }
}
