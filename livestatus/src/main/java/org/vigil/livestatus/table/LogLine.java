package org.vigil.livestatus.table;

/**
 * One line of the Nagios log as Livestatus's {@code log} table splits it: {@code [time] TYPE: options}, with the
 * fields each kind of message carries. Classes as Livestatus numbers them: 0 info, 1 alert, 2 program,
 * 3 notification, 4 passive check, 5 external command, 6 initial or current state.
 *
 * @param message the whole line, time stamp included
 * @param type the text before the colon (the whole text for a message without one)
 * @param options the text after the colon
 */
record LogLine(long time, long lineno, int logClass, String message, String type, String options, String hostName,
               String serviceDescription, int state, String stateType, int attempt, String pluginOutput,
               String comment, String contactName, String commandName) {

    static final int INFO = 0;
    static final int ALERT = 1;
    static final int PROGRAM = 2;
    static final int NOTIFICATION = 3;
    static final int PASSIVE = 4;
    static final int COMMAND = 5;
    static final int STATE = 6;

    /** Whether the line is about a host or service (then AuthUser sees it only if it sees that object). */
    boolean hasObject() {
        return !hostName.isEmpty();
    }
}
