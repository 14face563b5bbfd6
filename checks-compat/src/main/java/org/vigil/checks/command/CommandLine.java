package org.vigil.checks.command;

import java.util.List;
import java.util.Set;

/**
 * A fully expanded command line, as Nagios 4 runs it: split into an argv by Nagios's own rules and executed
 * directly, unless it holds a shell construct ({@link ShellFeature}), in which case it runs as
 * {@code /bin/sh -c line}. See {@link CommandSplitter} for the rules.
 *
 * @param argv the words Nagios's splitter finds (meaningful only when {@link #viaShell()} is false)
 * @param shellFeatures why the line needs a shell; empty when it runs directly
 */
public record CommandLine(String line, List<String> argv, Set<ShellFeature> shellFeatures) {

    /** The shell Nagios falls back to. */
    public static final String SHELL = "/bin/sh";

    public CommandLine {
        argv = List.copyOf(argv);
        shellFeatures = Set.copyOf(shellFeatures);
    }

    public static CommandLine parse(String line) {
        return CommandSplitter.split(line);
    }

    public boolean viaShell() {
        return !shellFeatures.isEmpty();
    }

    /** What to execute: the split argv, or {@code /bin/sh -c line}. */
    public List<String> execArgv() {
        return viaShell() ? List.of(SHELL, "-c", line) : argv;
    }

    /** True when there is nothing to run (an empty or blank line). */
    public boolean isEmpty() {
        return execArgv().isEmpty() || line.isEmpty();
    }
}
