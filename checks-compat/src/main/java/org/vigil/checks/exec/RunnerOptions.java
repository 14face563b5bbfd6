package org.vigil.checks.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.vigil.config.main.Accounts;
import org.vigil.config.main.DaemonUser;
import org.vigil.config.main.MainConfig;

/**
 * Settings shared by the runners.
 *
 * @param outputLimit bytes kept of stdout and of stderr each; the rest is read and discarded. Nagios 4.4.6 keeps
 *        everything (observed: 1.4 MB of output stored whole), which lets one runaway plugin fill memory; Nagios 3
 *        cut at 8 KB. We keep {@link #DEFAULT_OUTPUT_LIMIT} by default: a deliberate difference.
 * @param setsid the {@code setsid} program to start plugins in their own session, or null (the default: it costs
 *        an extra exec per run, and the environment tag already finds orphaned children)
 * @param tagEnvironment mark each run's processes with an environment variable so a timeout finds them all, even
 *        orphaned ones (Linux /proc); without it and without setsid, only live descendants are killed
 * @param user the user to start every command as ({@code nagios_user}, for a JVM that runs as root;
 *        {@link ChildUser}), or null: as the JVM's own user
 */
public record RunnerOptions(int outputLimit, Path setsid, boolean tagEnvironment, Clock clock, DaemonUser user) {

    /** What the Java runners put before each command line to start it as {@link #user}: empty without one. */
    List<String> launcher() {
        return user == null ? List.of() : ChildUser.launcher(user);
    }

    public static final int DEFAULT_OUTPUT_LIMIT = 1 << 20;
    public static final Path SETSID = Path.of("/usr/bin/setsid");

    public static RunnerOptions defaults() {
        return new RunnerOptions(DEFAULT_OUTPUT_LIMIT, null, true, Clock.systemUTC(), null);
    }

    /** Runs plugins in their own session through setsid, when it is installed. */
    public RunnerOptions withSessions() {
        return withSetsid(Files.isExecutable(SETSID) ? SETSID : null);
    }

    public RunnerOptions withTagEnvironment(boolean tag) {
        return new RunnerOptions(outputLimit, setsid, tag, clock, user);
    }

    public RunnerOptions withOutputLimit(int limit) {
        return new RunnerOptions(limit, setsid, tagEnvironment, clock, user);
    }

    public RunnerOptions withSetsid(Path path) {
        return new RunnerOptions(outputLimit, path, tagEnvironment, clock, user);
    }

    /** Starts every command as {@code user} (a root JVM's children; {@link ChildUser}). */
    public RunnerOptions withUser(DaemonUser as) {
        return new RunnerOptions(outputLimit, setsid, tagEnvironment, clock, as);
    }

    /**
     * Starts every command as {@code nagios_user} when this JVM runs as root and the config names another user;
     * else as itself.
     */
    public RunnerOptions forDaemon(MainConfig main) {
        return ChildUser.switchTo(main, new Accounts()).map(this::withUser).orElse(this);
    }

    public RunnerOptions withClock(Clock c) {
        return new RunnerOptions(outputLimit, setsid, tagEnvironment, c, user);
    }
}
