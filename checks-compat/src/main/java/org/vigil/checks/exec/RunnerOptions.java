package org.vigil.checks.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Settings shared by the runners.
 *
 * @param outputLimit bytes kept of stdout and of stderr each; the rest is read and discarded. Nagios 4.4.6 keeps
 *        everything (observed: 1.4 MB of output stored whole), which lets one runaway plugin fill memory; Nagios 3
 *        cut at 8 KB. We keep {@link #DEFAULT_OUTPUT_LIMIT} by default: a deliberate difference.
 * @param setsid the {@code setsid} program, or null to run plugins in the engine's session (then only live
 *        descendants are killed on timeout)
 */
public record RunnerOptions(int outputLimit, Path setsid, Clock clock) {

    public static final int DEFAULT_OUTPUT_LIMIT = 1 << 20;
    public static final Path SETSID = Path.of("/usr/bin/setsid");

    public static RunnerOptions defaults() {
        return new RunnerOptions(DEFAULT_OUTPUT_LIMIT, Files.isExecutable(SETSID) ? SETSID : null,
                Clock.systemUTC());
    }

    public RunnerOptions withOutputLimit(int limit) {
        return new RunnerOptions(limit, setsid, clock);
    }

    public RunnerOptions withSetsid(Path path) {
        return new RunnerOptions(outputLimit, path, clock);
    }

    public RunnerOptions withClock(Clock c) {
        return new RunnerOptions(outputLimit, setsid, c);
    }
}
