package org.vigil.notify.rules;

/**
 * The {@code SERVICE NOTIFICATION:} and {@code HOST NOTIFICATION:} log lines, one per contact and command, in
 * Nagios 4.4.6's layout: the state for a normal notification, {@code TYPE (STATE)} for the others, with author and
 * comment after the output for acknowledgements and custom notifications.
 */
final class NotificationLog {

    private NotificationLog() {
    }

    static String line(Notification n, String command) {
        StringBuilder sb = new StringBuilder(n.isHost() ? "HOST NOTIFICATION: " : "SERVICE NOTIFICATION: ");
        sb.append(n.contact().name()).append(';').append(n.hostName()).append(';');
        if (!n.isHost()) {
            sb.append(n.service().description()).append(';');
        }
        sb.append(n.reason() == Reason.NORMAL ? n.state() : n.reason().name() + " (" + n.state() + ")");
        sb.append(';').append(commandName(command)).append(';').append(n.output() == null ? "" : n.output());
        if (n.reason() == Reason.ACKNOWLEDGEMENT || n.reason() == Reason.CUSTOM) {
            sb.append(';').append(n.author() == null ? "" : n.author());
            sb.append(';').append(n.comment() == null ? "" : n.comment());
        }
        return sb.toString();
    }

    /** The command's name: what comes before the first {@code !}. */
    static String commandName(String command) {
        int bang = command.indexOf('!');
        return bang < 0 ? command : command.substring(0, bang);
    }
}
