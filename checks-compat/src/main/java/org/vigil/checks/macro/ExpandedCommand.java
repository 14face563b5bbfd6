package org.vigil.checks.macro;

import java.util.List;
import org.vigil.checks.command.CommandLine;

/**
 * A command definition with every macro expanded, ready to run.
 *
 * @param name the command's name (the part of {@code check_command} before the first {@code !})
 * @param args the {@code $ARGn$} values, already expanded as Nagios expands them
 * @param line the expanded command line
 */
public record ExpandedCommand(String name, List<String> args, String line) {

    public ExpandedCommand {
        args = List.copyOf(args);
    }

    /** The line split or wrapped in {@code /bin/sh -c} as Nagios would run it. */
    public CommandLine commandLine() {
        return CommandLine.parse(line);
    }
}
