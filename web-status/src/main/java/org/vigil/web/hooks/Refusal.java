package org.vigil.web.hooks;

/**
 * Why a pager's request is refused: the HTTP status, the reason as {@code /metrics} counts it, and the detail the
 * JSON error gives. Nothing in Vigil changes for a refused request.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** The reasons counted, as the {@code reason} label of {@code vigil_receiver_refused_total}. */
    enum Reason {
        DISABLED(404, "not found"),
        WRONG_METHOD(405, "method not allowed"),
        TOO_LARGE(413, "payload too large"),
        BAD_SIGNATURE(401, "bad signature"),
        BAD_TOKEN(401, "bad token"),
        MALFORMED(400, "malformed event"),
        REPLAY(409, "replay"),
        STALE(409, "stale event"),
        UNKNOWN_KEY(422, "unknown dedup key"),
        NOT_A_PROBLEM(409, "no problem to acknowledge"),
        COMMAND_FAILED(422, "command failed");

        final int status;
        final String error;

        Reason(int status, String error) {
            this.status = status;
            this.error = error;
        }

        /** The label value: lower case, words joined by {@code _}. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final transient Reason reason;

    Refusal(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
