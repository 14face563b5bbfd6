package org.vigil.worker.payload;

/** A mod_gearman payload that cannot be read: bad base64, a wrong key, or a malformed key=value line. */
public final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error whose message says what is wrong and, for a text error, which line. */
    public PayloadException(String message) {
        super(message);
    }
}
