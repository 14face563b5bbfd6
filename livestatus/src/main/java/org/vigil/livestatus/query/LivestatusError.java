package org.vigil.livestatus.query;

/**
 * A request Livestatus refuses, with Livestatus's status code: 400 (bad request: an unknown header, a bad value, a
 * bad regular expression), 404 (unknown table or column), 413 (too large), 452 (not a Livestatus request at all).
 * The message is what the client reads, so it names the header and what was expected.
 */
public final class LivestatusError extends Exception {

    private static final long serialVersionUID = 1L;

    /** 400: a header or its value is wrong. */
    public static final int BAD_REQUEST = 400;
    /** 404: no such table or column. */
    public static final int NOT_FOUND = 404;
    /** 413: the request or its answer is too large. */
    public static final int TOO_LARGE = 413;
    /** 452: the text is not a Livestatus request (no GET or COMMAND line). */
    public static final int INVALID_REQUEST = 452;

    private final int code;

    public LivestatusError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Livestatus's status code. */
    public int code() {
        return code;
    }

    static LivestatusError badRequest(String message) {
        return new LivestatusError(BAD_REQUEST, message);
    }
}
