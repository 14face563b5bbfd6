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
    private final boolean fixed16;
    private final boolean keepAlive;

    public LivestatusError(int code, String message) {
        this(code, message, false, false);
    }

    private LivestatusError(int code, String message, boolean fixed16, boolean keepAlive) {
        super(message, null, false, false);
        this.code = code;
        this.fixed16 = fixed16;
        this.keepAlive = keepAlive;
    }

    /** Livestatus's status code. */
    public int code() {
        return code;
    }

    /**
     * Whether the refused request asked for {@code ResponseHeader: fixed16} (anywhere in it, as Livestatus reads
     * every header of a bad request): its error answer carries the header, or the client could not read it.
     */
    public boolean fixed16() {
        return fixed16;
    }

    /** Whether the refused request asked for {@code KeepAlive: on}, so the connection stays open after the error. */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** This error, for a request that asked for {@code fixed16} and {@code keepAlive}. */
    LivestatusError askedFor(boolean fixed16, boolean keepAlive) {
        return new LivestatusError(code, getMessage(), fixed16, keepAlive);
    }

    static LivestatusError badRequest(String message) {
        return new LivestatusError(BAD_REQUEST, message);
    }
}
