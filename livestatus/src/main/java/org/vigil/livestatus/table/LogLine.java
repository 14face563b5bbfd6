package org.vigil.livestatus.table;

/**
 * One line of the Nagios log as Livestatus's {@code log} table splits it: {@code [time] TYPE: options}, with the
 * fields each kind of message carries. Classes as Livestatus numbers them: 0 info, 1 alert, 2 program,
 * 3 notification, 4 passive check, 5 external command, 6 initial or current state.
 *
 * <p>The text fields are kept as places in the line, made into strings when read: a parsed archive line then costs
 * the line and a few numbers (285 bytes measured for lines of 100 characters) instead of a string per field (580).
 */
final class LogLine {

    static final int INFO = 0;
    static final int ALERT = 1;
    static final int PROGRAM = 2;
    static final int NOTIFICATION = 3;
    static final int PASSIVE = 4;
    static final int COMMAND = 5;
    static final int STATE = 6;

    /** Field numbers of {@link #at}: each field is a start and an end in {@code message}. */
    static final int TYPE = 0;
    static final int OPTIONS = 1;
    static final int HOST = 2;
    static final int SERVICE = 3;
    static final int STATE_TYPE = 4;
    static final int OUTPUT = 5;
    static final int COMMENT = 6;
    static final int CONTACT = 7;
    static final int COMMAND_NAME = 8;
    static final int FIELDS = 9;

    private final long time;
    private final int lineno;
    private final byte logClass;
    private final int state;
    private final int attempt;
    private final String message;
    /** Start and end of each field in {@code message}; equal for an empty one. */
    private final int[] at;

    LogLine(long time, long lineno, int logClass, int state, int attempt, String message, int[] at) {
        this.time = time;
        this.lineno = (int) Math.min(Integer.MAX_VALUE, lineno);
        this.logClass = (byte) logClass;
        this.state = state;
        this.attempt = attempt;
        this.message = message;
        this.at = at;
    }

    long time() {
        return time;
    }

    long lineno() {
        return lineno;
    }

    int logClass() {
        return logClass;
    }

    int state() {
        return state;
    }

    int attempt() {
        return attempt;
    }

    /** The whole line, time stamp included. */
    String message() {
        return message;
    }

    /** The text before the colon (the whole text for a message without one, or of a kind Livestatus does not know). */
    String type() {
        return field(TYPE);
    }

    /** The text after the colon. */
    String options() {
        return field(OPTIONS);
    }

    String hostName() {
        return field(HOST);
    }

    String serviceDescription() {
        return field(SERVICE);
    }

    String stateType() {
        return field(STATE_TYPE);
    }

    String pluginOutput() {
        return field(OUTPUT);
    }

    String comment() {
        return field(COMMENT);
    }

    String contactName() {
        return field(CONTACT);
    }

    String commandName() {
        return field(COMMAND_NAME);
    }

    /** Whether the line is about a host or service (then AuthUser sees it only if it sees that object). */
    boolean hasObject() {
        return at[2 * HOST] < at[2 * HOST + 1];
    }

    private String field(int f) {
        int start = at[2 * f];
        int end = at[2 * f + 1];
        return start >= end ? "" : message.substring(start, end);
    }
}
