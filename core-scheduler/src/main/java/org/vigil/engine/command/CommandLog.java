package org.vigil.engine.command;

import org.vigil.config.main.MainConfig;
import org.vigil.engine.log.NagiosLog;

/**
 * The main log lines of external commands, with Nagios 4.4.6's texts (observed with nagios4 writing to its
 * command file): {@code EXTERNAL COMMAND: NAME;args} for each command read (when
 * {@code log_passive_checks} for results, {@code log_external_commands} for the others), then for a bad
 * one Nagios's warning and {@code External command LINE returned error TEXT}, to which Vigil adds the reason
 * in parentheses.
 */
final class CommandLog {

    private final NagiosLog log;
    private final boolean logCommands;
    private final boolean logPassive;

    CommandLog(NagiosLog log, boolean logCommands, boolean logPassive) {
        this.log = log;
        this.logCommands = logCommands;
        this.logPassive = logPassive;
    }

    static CommandLog of(NagiosLog log, MainConfig main) {
        return new CommandLog(log, main.flag("log_external_commands", true), main.flag("log_passive_checks", true));
    }

    /** The line Nagios writes for every command it recognised, before carrying it out. */
    void received(String text) {
        String name = text.substring(0, text.indexOf(';'));
        boolean result = CommandType.named(name).filter(t -> t == CommandType.PROCESS_SERVICE_CHECK_RESULT
                || t == CommandType.PROCESS_HOST_CHECK_RESULT).isPresent();
        if (result ? logPassive : logCommands) {
            log.log("EXTERNAL COMMAND: " + text);
        }
    }

    /** The lines of a command that was not carried out; {@link #received} has come first for a failed one. */
    void rejected(CommandError e) {
        switch (e.kind()) {
            case UNKNOWN -> log.log("Warning: Unrecognized external command -> " + e.command());
            case FAILED -> {
                if (e.warning() != null) {
                    log.log(e.warning());
                }
                log.log("Error: External command failed -> " + e.command());
            }
            case MALFORMED -> {
            }
        }
        log.log("External command " + e.line() + " returned error " + e.kind().text() + " (" + e.reason() + ")");
    }
}
