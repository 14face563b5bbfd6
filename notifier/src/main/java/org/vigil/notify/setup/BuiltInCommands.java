package org.vigil.notify.setup;

import java.util.List;
import java.util.Optional;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.macro.MacroContext;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.config.model.Command;
import org.vigil.config.model.ObjectModel;

/**
 * How a contact selects a built-in channel: one of its notification commands is a command whose
 * {@code command_line} runs {@code vigil-notify email} or {@code vigil-notify webhook NAME}. Vigil delivers those
 * itself, through the outbox, instead of starting a process; every other command runs as Nagios runs it.
 * {@code nagios4 -v} accepts such a command like any other.
 */
final class BuiltInCommands {

    /** The program name that marks a built-in command line. */
    static final String PROGRAM = "vigil-notify";

    private final ObjectModel model;
    private final MacroResolver macros;

    BuiltInCommands(ObjectModel model, MacroResolver macros) {
        this.model = model;
        this.macros = macros;
    }

    /** Whether {@code command} ({@code name!arg...}) names a command whose line runs {@code vigil-notify}. */
    boolean isBuiltIn(String command) {
        Command c = model.commands().get(MacroResolver.splitArguments(command).get(0));
        if (c == null) {
            return false;
        }
        String line = c.line().strip();
        String first = line.split("\\s+", 2)[0];
        return first.equals(PROGRAM) || first.endsWith("/" + PROGRAM);
    }

    /**
     * The channel a built-in command selects ({@code email}, or the webhook's name), its {@code $ARGn$} and
     * {@code $USERn$} macros expanded; a problem with the line when it names none.
     */
    Channel channel(String command, MacroContext ctx) {
        Optional<String> line = macros.command(ctx, command).map(e -> e.line());
        if (line.isEmpty()) {
            return new Channel(null, "command '" + command + "' is not defined");
        }
        List<String> words = CommandLine.parse(line.get()).argv();
        if (words.size() == 2 && words.get(1).equals("email")) {
            return new Channel("email", null);
        }
        if (words.size() == 3 && words.get(1).equals("webhook") && !words.get(2).isBlank()) {
            return new Channel(words.get(2), null);
        }
        return new Channel(null, "'" + line.get() + "' is not 'vigil-notify email' or 'vigil-notify webhook NAME'");
    }

    /** A selected channel name, or why the command selects none. */
    record Channel(String name, String problem) {
    }
}
