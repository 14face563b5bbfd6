package org.vigil.engine.command;

import java.time.Instant;
import java.util.List;

/**
 * One accepted external command: {@code [submitted] name;arg1;arg2...}. The name and arguments are kept as
 * written, since Nagios logs them so; {@link #type} is the command they name.
 */
public record ExternalCommand(CommandType type, String name, List<String> args, Instant submitted)
        implements ParseResult {

    public ExternalCommand {
        args = List.copyOf(args);
    }

    /** A command built inside Vigil (API, web page), named as Nagios names it. */
    public static ExternalCommand of(CommandType type, Instant submitted, String... args) {
        return new ExternalCommand(type, type.name(), List.of(args), submitted);
    }

    /** {@code NAME;arg1;arg2}, as the {@code EXTERNAL COMMAND:} log line shows it ({@code NAME;} without arguments). */
    public String text() {
        return name + ";" + String.join(";", args);
    }

    /** The command as a line of the command file. */
    public String line() {
        return "[" + submitted.getEpochSecond() + "] " + text();
    }
}
