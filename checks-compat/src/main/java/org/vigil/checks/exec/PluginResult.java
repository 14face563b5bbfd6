package org.vigil.checks.exec;

import java.time.Duration;
import java.time.Instant;

/**
 * What running a plugin produced, before Nagios's interpretation ({@code CheckResultMapper} does that).
 *
 * @param exitCode the exit status (a process killed by signal N reads 128+N, as Java reports it)
 * @param stdout standard output, decoded (see {@code OutputDecoder}) and cut at the runner's limit
 * @param stderr standard error, likewise
 * @param timedOut true when the runner killed the plugin's process tree at the timeout
 * @param truncated true when stdout or stderr went past the limit and the rest was discarded
 * @param failure why the plugin could not be run at all (fork failure...), null when it ran
 */
public record PluginResult(int exitCode, String stdout, String stderr, Instant start, Instant end, boolean timedOut,
                           boolean truncated, String failure) {

    /** The prefix Nagios 4.4.6 puts before stderr when a plugin printed nothing on stdout. */
    public static final String NO_STDOUT = "(No output on stdout) stderr: ";

    /** The text Nagios parses: stdout, or when stdout is empty, stderr after {@link #NO_STDOUT} (observed). */
    public String output() {
        return stdout.isEmpty() ? NO_STDOUT + stderr : stdout;
    }

    public Duration executionTime() {
        return Duration.between(start, end);
    }

    public boolean started() {
        return failure == null;
    }

    /** A result for a plugin that could not be run. */
    public static PluginResult notStarted(String why, Instant at) {
        return new PluginResult(-1, "", "", at, at, false, false, why);
    }
}
