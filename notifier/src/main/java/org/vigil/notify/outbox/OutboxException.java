package org.vigil.notify.outbox;

/** The outbox database cannot be opened or written; the message says where and what to do. */
public final class OutboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
