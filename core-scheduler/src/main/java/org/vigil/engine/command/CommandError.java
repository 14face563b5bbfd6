package org.vigil.engine.command;

/**
 * Why a line or a command was not carried out. {@code kind} is Nagios's own classification, which decides the
 * log lines; {@code reason} is what Vigil adds, so the writer of the line can fix it.
 *
 * @param line the line as read (or as the command would be written), for the log
 * @param command {@code NAME;args} when a command name was read, else null
 * @param warning the extra warning Nagios logs for this failure (an unknown host of a passive result), or null
 */
public record CommandError(Kind kind, String line, String command, String reason, String warning)
        implements ParseResult {

    /** Nagios's {@code CMD_ERROR_*} codes that a command line can end with, with Nagios's texts. */
    public enum Kind {
        /** No {@code [timestamp] NAME} shape: nothing is logged but the error. */
        MALFORMED("Malformed command"),
        /** A name Nagios (or Vigil, for now) does not know. */
        UNKNOWN("Unknown or unsupported command"),
        /** A known command whose arguments or objects are wrong: logged as received, then as failed. */
        FAILED("Command failed");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** Nagios's {@code cmd_error_strerror} text. */
        public String text() {
            return text;
        }
    }

    static CommandError malformed(String line, String reason) {
        return new CommandError(Kind.MALFORMED, line, null, reason, null);
    }

    static CommandError unknown(String line, String command, String reason) {
        return new CommandError(Kind.UNKNOWN, line, command, reason, null);
    }

    static CommandError failed(String line, ExternalCommand c, String reason) {
        return new CommandError(Kind.FAILED, line, c.text(), reason, null);
    }

    /** A command refused for its size: the log shows the start of the line and of the command, not all of it. */
    static CommandError tooLong(String line, ExternalCommand c, String reason) {
        return new CommandError(Kind.FAILED, CommandLimits.shortened(line), CommandLimits.shortened(c.text()),
                reason, null);
    }

    CommandError withWarning(String nagiosWarning) {
        return new CommandError(kind, line, command, reason, nagiosWarning);
    }
}
