package org.vigil.web.model;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.engine.Engine;
import org.vigil.engine.command.Commands;
import org.vigil.engine.daemon.Daemon;
import org.vigil.model.ReadModel;

/**
 * The narrow view of the running monitor that the web layer needs. Every call goes to the daemon at use time,
 * since a reload replaces the engine and its commands: never keep what these return.
 */
public interface Monitor extends org.vigil.model.StatusSource {

    /** The engine running now. */
    @Override
    Engine engine();

    /** The external commands of the engine running now. */
    Commands commands();

    /** When the running engine started. */
    @Override
    Instant started();

    /** Nagios's {@code log_file}, if set. */
    Optional<Path> logFile();

    /** Where rotated logs go: {@code log_archive_path}, else {@code archives} beside the log (as Vigil rotates). */
    default Optional<Path> logArchiveDir() {
        return logFile().map(f -> f.resolveSibling("archives"));
    }

    /** The main config's {@code date_format} ({@code us} when unset): how the engine wrote times into texts. */
    default String dateFormat() {
        return "us";
    }

    /** The errors of the last reload if it was rejected (empty if none was, or a later one was accepted). */
    @Override
    List<String> lastRejectedReloadErrors();

    /** Whether retention runs, and why not when it failed. */
    boolean retentionRunning();

    Optional<String> retentionProblem();

    /** Why retained state cannot be written now, though retention started (empty while writes succeed). */
    default Optional<String> retentionWriteProblem() {
        return Optional.empty();
    }

    /** Why the status file could not be written the last time (empty while it is, or when there is none). */
    default Optional<String> statusFileProblem() {
        return Optional.empty();
    }

    /** Whether the command file is read, and why not when it failed. */
    boolean commandFileReading();

    Optional<String> commandFileProblem();

    /** Sweeps (start, poll, cancel), on whichever engine runs. */
    org.vigil.engine.sweep.SweepService sweeps();

    /** The notification outbox of the built-in channels, if there is one. */
    default Optional<org.vigil.notify.outbox.Outbox> outbox() {
        return Optional.empty();
    }

    /** The email channel's one-click acknowledge and downtime links, when enabled (issue 23). */
    default Optional<org.vigil.notify.delivery.email.EmailActions> emailActions() {
        return Optional.empty();
    }

    /** Series of parts outside the web layer for {@code /metrics} (the metric writers'); none by default. */
    default MetricsSource metricsSource() {
        return MetricsSource.NONE;
    }

    /**
     * The gearman dispatch's queues and counters, when a {@code gearman} section sends checks to gearmand (issue 20);
     * empty otherwise, and the pages, {@code /metrics} and the API then show nothing of gearman.
     */
    default Optional<Supplier<GearmanReport>> gearman() {
        return Optional.empty();
    }

    /** The recorded perfdata the graphs and {@code /api/v1/.../perfdata} read; none by default. */
    default PerfdataSource perfdata() {
        return PerfdataSource.NONE;
    }

    /**
     * The read model every reader of this monitor shares (the pages, the API, Livestatus), so the engine makes one
     * snapshot for all of them; empty where a monitor has none of its own (the web application then makes one).
     */
    default Optional<ReadModel> readModel() {
        return Optional.empty();
    }

    /** How old a shared snapshot may be before a reader has the next one made. */
    Duration SNAPSHOT_MAX_AGE = Duration.ofSeconds(1);

    /** The monitor of a running daemon without built-in notification channels. */
    static Monitor of(Daemon daemon) {
        return of(daemon, null);
    }

    /** The monitor of a running daemon whose built-in channels are {@code notifications} (null: none). */
    static Monitor of(Daemon daemon, org.vigil.notify.setup.Notifications notifications) {
        return of(daemon, notifications, MetricsSource.NONE);
    }

    /** The same, with {@code metrics} served on {@code /metrics} beside the monitor's own series. */
    static Monitor of(Daemon daemon, org.vigil.notify.setup.Notifications notifications, MetricsSource metrics) {
        return of(daemon, notifications, metrics, false, Optional.empty(), PerfdataSource.NONE);
    }

    /**
     * The same, with a read model of its own ({@link #readModel}) that the web application and the other readers
     * of {@code vigil run} (Livestatus) share.
     */
    static Monitor sharingReads(Daemon daemon, org.vigil.notify.setup.Notifications notifications,
                                MetricsSource metrics) {
        return of(daemon, notifications, metrics, true, Optional.empty(), PerfdataSource.NONE);
    }

    /** The same, with the gearman dispatch's status ({@link #gearman}) when gearman is configured. */
    static Monitor sharingReads(Daemon daemon, org.vigil.notify.setup.Notifications notifications,
                                MetricsSource metrics,
                                Optional<Supplier<GearmanReport>> gearman) {
        return of(daemon, notifications, metrics, true, gearman, PerfdataSource.NONE);
    }

    /** The same, with the recorded perfdata ({@link #perfdata}) that the graphs read. */
    static Monitor sharingReads(Daemon daemon, org.vigil.notify.setup.Notifications notifications,
                                MetricsSource metrics, Optional<Supplier<GearmanReport>> gearman,
                                PerfdataSource perfdata) {
        return of(daemon, notifications, metrics, true, gearman, perfdata);
    }

    /** The monitor of a running daemon without built-in channels whose checks go to gearmand ({@code gearman}). */
    static Monitor withGearman(Daemon daemon, Supplier<GearmanReport> gearman) {
        return of(daemon, null, MetricsSource.NONE, false, Optional.of(gearman), PerfdataSource.NONE);
    }

    private static Monitor of(Daemon daemon, org.vigil.notify.setup.Notifications notifications,
                              MetricsSource metrics, boolean ownReader,
                              Optional<Supplier<GearmanReport>> gearman, PerfdataSource perfdata) {
        return new Monitor() {
            private final ReadModel reader = ownReader ? new ReadModel(this, Clock.systemUTC(), SNAPSHOT_MAX_AGE)
                    : null;

            @Override
            public Optional<ReadModel> readModel() {
                return Optional.ofNullable(reader);
            }

            @Override
            public Optional<Supplier<GearmanReport>> gearman() {
                return gearman;
            }

            @Override
            public PerfdataSource perfdata() {
                return perfdata;
            }

            @Override
            public MetricsSource metricsSource() {
                return metrics;
            }

            @Override
            public Optional<org.vigil.notify.outbox.Outbox> outbox() {
                return notifications == null ? Optional.empty() : notifications.outbox();
            }

            @Override
            public Optional<org.vigil.notify.delivery.email.EmailActions> emailActions() {
                return notifications == null ? Optional.empty() : notifications.emailActions();
            }

            @Override
            public Engine engine() {
                return daemon.engine();
            }

            @Override
            public Commands commands() {
                return daemon.commands();
            }

            @Override
            public org.vigil.engine.sweep.SweepService sweeps() {
                return daemon.sweeps();
            }

            @Override
            public Instant started() {
                return daemon.started();
            }

            @Override
            public Optional<Path> logFile() {
                return daemon.mainConfig().path("log_file");
            }

            @Override
            public Optional<Path> logArchiveDir() {
                Optional<Path> set = daemon.mainConfig().path("log_archive_path");
                return set.isPresent() ? set : logFile().map(f -> f.resolveSibling("archives"));
            }

            @Override
            public String dateFormat() {
                return daemon.mainConfig().value("date_format", "us");
            }

            @Override
            public List<String> lastRejectedReloadErrors() {
                // Only while the rejected reload is the latest one: a later good reload clears the banner.
                return daemon.lastReload().filter(r -> !r.applied()).map(r -> r.errors()).orElse(List.of());
            }

            @Override
            public boolean retentionRunning() {
                return daemon.retentionRunning();
            }

            @Override
            public Optional<String> retentionProblem() {
                return daemon.retentionProblem();
            }

            @Override
            public Optional<String> retentionWriteProblem() {
                return daemon.retentionWriteProblem();
            }

            @Override
            public Optional<String> statusFileProblem() {
                return daemon.statusFileProblem();
            }

            @Override
            public boolean commandFileReading() {
                return daemon.commandFileReading();
            }

            @Override
            public Optional<String> commandFileProblem() {
                return daemon.commandFileProblem();
            }
        };
    }
}
