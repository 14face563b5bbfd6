package org.vigil.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.checks.exec.CommonsExecRunner;
import org.vigil.checks.exec.DirectRunner;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.config.LoadResult;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.command.CommandFile;
import org.vigil.engine.command.Commands;
import org.vigil.engine.exec.PluginCheckExecutor;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.schedule.HeapCheckClock;
import org.vigil.engine.schedule.PeriodicJobs;
import org.vigil.engine.state.StateLog;
import org.vigil.engine.status.StatusFile;

/**
 * The running monitor: the engine on Quartz with the real plugin runner, the main log, and status.dat
 * rewritten every {@code status_update_interval}. {@link #close} stops it cleanly, writing state last.
 */
public final class Daemon implements AutoCloseable {

    /** The version shown in the log and status.dat. */
    public static final String VERSION = "0.1.0";

    private final LoadResult config;
    private final Clock clock;
    private final NagiosLog log;
    private final Engine engine;
    private final PluginRunner runner;
    private final StatusFile statusFile;
    private final PeriodicJobs timers = new PeriodicJobs("vigil-periodic");
    private final Instant started;
    private final Commands commands;
    private WriteBehindRetention retention;
    private CommandFile commandFile;

    /** Builds the daemon for a config that loaded without errors. */
    public Daemon(LoadResult config, Clock clock, PrintStream console) throws IOException {
        this.config = config;
        this.clock = clock;
        MainConfig main = config.mainConfig();
        this.log = new NagiosLog(main.path("log_file").orElse(null), clock, console);
        this.runner = runner(clock);
        this.engine = new Engine(config.model(), main, clock, new HeapCheckClock(clock),
                PluginCheckExecutor.factory(config.model(), main, runner, clock), log, EngineListener.NONE);
        this.statusFile = main.path("status_file").map(StatusFile::new).orElse(null);
        this.started = clock.instant();
        this.commands = new Commands(engine, main, log, clock);
    }

    /**
     * The plugin runner: the lean direct runner by default, which measured 35-50% faster than Commons Exec
     * (two stream-pump threads per run); {@code -Dvigil.runner=commons-exec} selects Commons Exec.
     */
    static PluginRunner runner(Clock clock) {
        RunnerOptions options = RunnerOptions.defaults().withClock(clock);
        return "commons-exec".equals(System.getProperty("vigil.runner")) ? new CommonsExecRunner(options)
                : new DirectRunner(options);
    }

    /** Starts retention, checking and writing the status file. */
    public void start() {
        log.log("Vigil " + VERSION + " starting... (PID=" + ProcessHandle.current().pid() + ")");
        startRetention();
        engine.start();
        startCommandFile();
        if (statusFile != null) {
            long every = config.mainConfig().value("status_update_interval").map(Daemon::seconds).orElse(10L);
            timers.every("status-file", java.time.Duration.ofSeconds(Math.max(1, every)), this::writeStatus);
        }
    }

    /**
     * Restores the retained state and keeps saving it: embedded H2 beside {@code state_retention_file}, or
     * the database of {@code -Dvigil.retention.url} / {@code VIGIL_RETENTION_URL}. If it cannot be opened,
     * the monitor runs without it and says so: nothing on disk is changed.
     */
    private void startRetention() {
        MainConfig main = config.mainConfig();
        if (!main.flag("retain_state_information", true)) {
            return;
        }
        String url = System.getProperty("vigil.retention.url", System.getenv("VIGIL_RETENTION_URL"));
        Optional<Path> file = main.path("state_retention_file");
        if (url == null && file.isEmpty()) {
            log.log("Warning: no state_retention_file set: state is not retained across restarts");
            return;
        }
        RetentionSettings settings = url != null ? RetentionSettings.of(url) : RetentionSettings.embedded(file.get());
        Retention.Start started = Retention.start(settings, engine.retentionKeys(),
                problem -> log.log("Warning: retention: " + problem));
        if (started instanceof Retention.Started s) {
            retention = s.writer();
            engine.retain(s.state(), s.writer());
            log.log("Retention: restored " + s.state().records().size() + " records");
        } else if (started instanceof Retention.Failed f) {
            log.log("Error: retention cannot start, running without retained state: " + f.problem());
        }
    }

    /** Reads the external command file, unless it is off; a file that cannot be read is logged, not fatal. */
    private void startCommandFile() {
        CommandFile.Start start = CommandFile.start(config.mainConfig(), commands::submitLine, log::log);
        if (start instanceof CommandFile.Reading r) {
            commandFile = r.file();
            log.log("External commands: reading " + r.file().path());
        } else if (start instanceof CommandFile.Failed f) {
            log.log("Error: external commands are off: " + f.problem());
        }
    }

    /** The external commands, for the API and web pages. */
    public Commands commands() {
        return commands;
    }

    private static long seconds(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    /** Renders status.dat on the engine thread and writes it here. */
    void writeStatus() {
        try {
            String text = engine.call(() -> StatusFile.render(clock.instant(), program(), engine.hosts(),
                    engine.services(), List.copyOf(config.model().contacts().keySet()), engine.comments().all()));
            statusFile.write(text);
        } catch (IOException | RuntimeException e) {
            log.log("Warning: cannot write the status file: " + e.getMessage());
        }
    }

    private StatusFile.Program program() {
        MainConfig m = config.mainConfig();
        return new StatusFile.Program(ProcessHandle.current().pid(), started, engine.notificationsEnabled(),
                m.flag("execute_service_checks", true), m.flag("accept_passive_service_checks", true),
                m.flag("execute_host_checks", true), m.flag("accept_passive_host_checks", true),
                m.flag("enable_event_handlers", true), m.flag("enable_flap_detection", true),
                engine.eventIds().nextEventId(), engine.eventIds().nextProblemId());
    }

    public Engine engine() {
        return engine;
    }

    public Path statusPath() {
        return config.mainConfig().path("status_file").orElse(null);
    }

    /** Stops checks, writes the current states to the log and the status file one last time. */
    @Override
    public void close() {
        timers.close();
        if (commandFile != null) {
            commandFile.close();
        }
        engine.close();
        if (statusFile != null) {
            try {
                statusFile.write(StatusFile.render(clock.instant(), program(), engine.hosts(), engine.services(),
                        List.copyOf(config.model().contacts().keySet()), engine.comments().all()));
            } catch (IOException e) {
                log.log("Warning: cannot write the status file: " + e.getMessage());
            }
        }
        StateLog.currentStates(engine.hosts(), engine.services()).forEach(log::log);
        if (retention != null) {
            retention.close();
        }
        log.log("Successfully shutdown... (PID=" + ProcessHandle.current().pid() + ")");
        if (runner instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down
            }
        }
        log.close();
    }
}
