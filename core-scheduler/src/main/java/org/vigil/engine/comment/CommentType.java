package org.vigil.engine.comment;

/** What a comment was made for: Nagios's {@code entry_type} (1 user, 2 downtime, 3 flapping, 4 acknowledgement). */
public enum CommentType {
    USER(1), DOWNTIME(2), FLAPPING(3), ACKNOWLEDGEMENT(4);

    private final int code;

    CommentType(int code) {
        this.code = code;
    }

    /** The number Nagios writes as {@code entry_type}. */
    public int code() {
        return code;
    }

    /** The type with Nagios's number {@code code}. */
    public static CommentType ofCode(int code) {
        for (CommentType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("no comment entry_type " + code + " (1 user, 2 downtime, 3 flapping, "
                + "4 acknowledgement)");
    }
}
