package org.vigil.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.command.CommandFile;
import org.vigil.engine.command.Commands;
import org.vigil.engine.command.EntryLimits;
import org.vigil.engine.exec.PluginCheckExecutor;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.reload.CommandGate;
import org.vigil.engine.reload.LateResults;
import org.vigil.engine.reload.ReloadPlan;
import org.vigil.engine.reload.ReloadResult;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.schedule.HeapCheckClock;
import org.vigil.engine.schedule.PeriodicJobs;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateLog;
import org.vigil.engine.status.StatusFile;

/**
 * The running monitor: the engine on Quartz with the real plugin runner, the main log, and status.dat
 * rewritten every {@code status_update_interval}. {@link #close} stops it cleanly, writing state last.
 */
public final class Daemon implements AutoCloseable {

    /** The version shown in the log and status.dat. */
    public static final String VERSION = "0.1.0";

    /** The running config and engine: replaced together by {@link #reload}. */
    private volatile LoadResult config;
    private final Clock clock;
    private final NagiosLog log;
    private volatile Engine engine;
    private final PluginRunner runner;
    private final StatusFile statusFile;
    private final PeriodicJobs timers = new PeriodicJobs("vigil-periodic");
    private volatile Instant started;
    private volatile Commands commands;
    /** How many comments and downtimes commands may add (vigil.yml's {@code limits:}); kept across reloads. */
    private volatile EntryLimits entryLimits = EntryLimits.DEFAULTS;
    private WriteBehindRetention retention;
    private CommandFile commandFile;
    /** The command file's lines go to the current engine's commands, and wait while a reload swaps engines. */
    private final CommandGate commandGate = new CommandGate(line -> commands.submitLine(line));
    private final Object reloading = new Object();
    private final Set<Engine> retiring = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile ReloadResult lastReload;
    private volatile ReloadResult lastRejected;
    private volatile boolean closed;
    /** Makes each engine's listener; {@link #attachment} is the first engine's. */
    private final EngineListenerFactory listeners;
    private final EngineListenerFactory.Attachment attachment;
    /** Queues the current listener's periodic task on its own engine (swapped with the engine, as one value). */
    private volatile Runnable listenerPass = () -> { };

    /** How often the listener's periodic task (the notifier's re-notification pass) runs on the engine thread. */
    public static final java.time.Duration LISTENER_PASS = java.time.Duration.ofSeconds(5);
    /** Sweeps, on whichever engine runs at the time. */
    private final org.vigil.engine.sweep.SweepService sweeps = new org.vigil.engine.sweep.SweepService(this::engine);
    /** Why retention or the command file is not running, for the web health checks (null: running or off). */
    private volatile String retentionProblem;
    private volatile String commandFileProblem;
    /** Why the last status file write failed; null while writes succeed (each run of failures is logged once). */
    private volatile String statusFileProblem;

    /** Builds the daemon for a config that loaded without errors. */
    public Daemon(LoadResult config, Clock clock, PrintStream console) throws IOException {
        this(config, clock, console, EngineListenerFactory.NONE);
    }

    /** Builds the daemon for a config that loaded without errors, each engine listened to as {@code listeners} says. */
    public Daemon(LoadResult config, Clock clock, PrintStream console, EngineListenerFactory listeners)
            throws IOException {
        this.config = config;
        this.listeners = listeners;
        this.clock = clock;
        MainConfig main = config.mainConfig();
        this.log = new NagiosLog(main.path("log_file").orElse(null), clock, console);
        this.runner = runner(clock);
        this.attachment = listeners.create(config, log);
        this.engine = buildEngine(config, attachment.listener());
        this.statusFile = main.path("status_file").map(StatusFile::new).orElse(null);
        this.started = clock.instant();
        this.commands = new Commands(engine, main, log, clock);
    }

    /** An engine for {@code config}; nothing runs until it is started. */
    private Engine buildEngine(LoadResult config, EngineListener listener) {
        MainConfig main = config.mainConfig();
        return new Engine(config.model(), main, clock, new HeapCheckClock(clock),
                PluginCheckExecutor.factory(config.model(), main, runner, clock), log, listener);
    }

    private static Runnable passOn(Engine e, EngineListenerFactory.Attachment a) {
        Runnable periodic = a.periodic();
        return () -> e.submit("listener pass", periodic);
    }

    /**
     * The plugin runner ({@link PluginRunners}): posix_spawn through Vigil's JNI library where it was built, else
     * {@link ProcessBuilder}; {@code -Dvigil.runner=direct} or {@code commons-exec} choose one.
     */
    static PluginRunner runner(Clock clock) {
        return PluginRunners.create(RunnerOptions.defaults().withClock(clock));
    }

    /** The retention database chosen by the caller (vigil.yml's {@code database.url}); null: as the Daemon decides. */
    private volatile String retentionUrl;

    /**
     * Keeps retained state in the database at {@code jdbcUrl} (H2 file or PostgreSQL), over
     * {@code -Dvigil.retention.url}, {@code VIGIL_RETENTION_URL} and {@code state_retention_file}; before {@link #start}.
     */
    public void useRetentionDatabase(String jdbcUrl) {
        this.retentionUrl = jdbcUrl;
    }

    /** Limits the comments and downtimes external commands may add, over the defaults; before {@link #start}. */
    public void limitEntries(EntryLimits limits) {
        this.entryLimits = limits;
        this.commands = new Commands(engine, config.mainConfig(), log, clock, limits);
    }

    /** Starts retention, checking and writing the status file. */
    public void start() {
        start(() -> { });
    }

    /**
     * {@link #start}, running {@code restored} once the retained state is back, before the listener is bound and
     * the checks are scheduled (the web server starts there: earlier, it slows the restore down on a small machine).
     */
    public void start(Runnable restored) {
        log.log("Vigil " + VERSION + " starting... (PID=" + ProcessHandle.current().pid() + ")");
        log.log("Plugins are started through " + PluginRunners.describe(runner));
        org.vigil.config.StageTimer timer = new org.vigil.config.StageTimer();
        startRetention();
        timer.stage("start: retention restored");
        restored.run();
        attachment.bind().accept(engine);
        timer.stage("start: listener bound");
        listenerPass = passOn(engine, attachment);
        engine.start();
        timer.stage("start: engine started");
        startCommandFile();
        timers.every("listener", LISTENER_PASS, () -> listenerPass.run());
        // downtimes start and end on the second, as Nagios's event queue runs them
        timers.every("downtimes", java.time.Duration.ofSeconds(1),
                () -> engine.submit("downtime tick", () -> engine.downtimes().tick(clock.instant())));
        if (statusFile != null) {
            long every = config.mainConfig().value("status_update_interval").map(Daemon::seconds).orElse(10L);
            java.time.Duration period = java.time.Duration.ofSeconds(Math.max(1, every));
            // the first write waits a little: rendering 100,000 services took CPU from the first checks and the API
            timers.every("status-file", period, min(period, STATUS_FILE_FIRST), this::writeStatus);
        }
        startFreshnessChecks();
    }

    /**
     * Restores the retained state and keeps saving it: embedded H2 beside {@code state_retention_file}, or
     * the database of {@code -Dvigil.retention.url} / {@code VIGIL_RETENTION_URL}. If it cannot be opened,
     * the monitor runs without it and says so: nothing on disk is changed.
     */
    private void startRetention() {
        MainConfig main = config.mainConfig();
        Optional<RetentionSettings> chosen = retentionSettings(main, retentionUrl);
        RetentionPrefetch early = prefetch;
        prefetch = null;
        if (chosen.isEmpty()) {
            if (early != null) {
                early.discard();
            }
            if (main.flag("retain_state_information", true)) {
                log.log("Warning: no state_retention_file set: state is not retained across restarts");
            }
            return;
        }
        RetentionSettings settings = chosen.get();
        org.vigil.config.StageTimer timer = new org.vigil.config.StageTimer();
        Retention.Read read = (early == null ? Optional.<Retention.Read>empty() : early.take(settings))
                .orElseGet(() -> Retention.read(settings));
        Retention.Start started = Retention.start(read, engine.retentionKeys(),
                problem -> log.log("Warning: retention: " + problem),
                () -> log.log("Retention: state is written again"));
        timer.stage("start: retention read");
        if (started instanceof Retention.Started s) {
            retention = s.writer();
            engine.retain(s.state(), s.writer());
            log.log("Retention: restored " + s.state().records().size() + " records");
        } else if (started instanceof Retention.Failed f) {
            retentionProblem = String.valueOf(f.problem());
            log.log("Error: retention cannot start, running without retained state: " + f.problem());
        }
    }

    /** The retention database read ahead by {@link RetentionPrefetch}; before {@link #start}. */
    private volatile RetentionPrefetch prefetch;

    /**
     * Restores from {@code early}, read while the config loaded, instead of reading the database at start (if it
     * read the database this daemon uses; else it is closed and the database read again); before {@link #start}.
     */
    public void useRetentionPrefetch(RetentionPrefetch early) {
        this.prefetch = early;
    }

    /**
     * Where state is retained: {@code chosenUrl} (vigil.yml's {@code database.url}), else {@code -Dvigil.retention.url}
     * or {@code VIGIL_RETENTION_URL}, else embedded H2 beside {@code state_retention_file}; empty when state is not
     * retained.
     */
    static Optional<RetentionSettings> retentionSettings(MainConfig main, String chosenUrl) {
        if (!main.flag("retain_state_information", true)) {
            return Optional.empty();
        }
        String url = chosenUrl != null ? chosenUrl
                : System.getProperty("vigil.retention.url", System.getenv("VIGIL_RETENTION_URL"));
        Optional<Path> file = main.path("state_retention_file");
        if (url == null && file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(url != null ? RetentionSettings.of(url) : RetentionSettings.embedded(file.get()));
    }

    /** When the first status.dat of a start is written, at the latest (sooner with a shorter update interval). */
    static final java.time.Duration STATUS_FILE_FIRST = java.time.Duration.ofSeconds(2);

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Reads the external command file, unless it is off; a file that cannot be read is logged, not fatal. */
    private void startCommandFile() {
        CommandFile.Start start = CommandFile.start(config.mainConfig(), commandGate, log::log);
        if (start instanceof CommandFile.Reading r) {
            commandFile = r.file();
            log.log("External commands: reading " + r.file().path());
        } else if (start instanceof CommandFile.Failed f) {
            commandFileProblem = f.problem();
            log.log("Error: external commands are off: " + f.problem());
        }
    }

    /**
     * Nagios's freshness events: a pass over services every {@code service_freshness_check_interval} and over
     * hosts every {@code host_freshness_check_interval}, each run on the engine thread (a pass bails out at once
     * while its kind of freshness checking is off).
     */
    private void startFreshnessChecks() {
        var f = engine.freshnessSettings();
        timers.every("service-freshness", f.serviceInterval(),
                () -> engine.submit("service freshness check", engine::checkServiceFreshness));
        timers.every("host-freshness", f.hostInterval(),
                () -> engine.submit("host freshness check", engine::checkHostFreshness));
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

    /**
     * status.dat for {@code e} running {@code c} as it stands: the hosts and services copied, the downtimes (few)
     * rendered; taken on the engine thread, or after the engine stopped, and rendered on any thread. At 100,000
     * services the copy holds the engine thread for tens of milliseconds where rendering held it for 150-400.
     */
    private StatusSnapshot statusSnapshot(Engine e, LoadResult c) {
        List<HostStatus> hosts = new java.util.ArrayList<>(e.hosts().size());
        for (HostStatus h : e.hosts()) {
            hosts.add(h.snapshot());
        }
        List<ServiceStatus> services = new java.util.ArrayList<>(e.services().size());
        for (ServiceStatus s : e.services()) {
            services.add(s.snapshot());
        }
        StringBuilder downtimes = new StringBuilder();
        org.vigil.engine.downtime.DowntimeStatus.renderTo(downtimes, e.downtimes().all());
        return new StatusSnapshot(clock.instant(), program(), reloadStatusLines(), hosts, services,
                List.copyOf(c.model().contacts().keySet()), e.comments().all(), downtimes.toString());
    }

    /** What status.dat shows at one instant, no longer tied to the engine. */
    private record StatusSnapshot(Instant now, StatusFile.Program program, String reloadLines, List<HostStatus> hosts,
                                  List<ServiceStatus> services, List<String> contacts,
                                  java.util.Collection<org.vigil.engine.comment.Comment> comments, String downtimes) {
        void renderTo(StringBuilder sb) {
            StatusFile.renderTo(sb, now, program, reloadLines, hosts, services, contacts, comments);
            sb.append(downtimes);
        }
    }

    /**
     * Copies the state on the engine thread and renders status.dat from the copy on this one, then writes it. A
     * failure is logged when writes start failing, and a line says when they succeed again: a broken disk must not
     * add a line to the log every interval.
     */
    void writeStatus() {
        try {
            Engine e = engine;
            LoadResult c = config;
            statusFile.write(e.call(() -> statusSnapshot(e, c))::renderTo);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String problem = WriteFailure.describe(statusFile.path(), e);
            if (statusFileProblem == null) {
                log.log("Warning: cannot write the status file: " + problem);
            }
            statusFileProblem = problem;
            return;
        }
        if (statusFileProblem != null) {
            statusFileProblem = null;
            log.log("Status file: written again");
        }
    }

    private StatusFile.Program program() {
        MainConfig m = config.mainConfig();
        return new StatusFile.Program(ProcessHandle.current().pid(), started, engine.switches().notificationsEnabled(),
                engine.switches().executeServiceChecks(), engine.switches().acceptPassiveServiceChecks(),
                engine.switches().executeHostChecks(), engine.switches().acceptPassiveHostChecks(),
                engine.switches().eventHandlersEnabled(), engine.switches().flapDetectionEnabled(),
                engine.eventIds().nextEventId(), engine.eventIds().nextProblemId(),
                engine.freshnessSettings().checkServices(), engine.freshnessSettings().checkHosts(),
                engine.eventHandlerSettings().globalHostHandler(),
                engine.eventHandlerSettings().globalServiceHandler());
    }

    /** Sweeps (start, poll, cancel), for the control socket and the web layer. */
    public org.vigil.engine.sweep.SweepService sweeps() {
        return sweeps;
    }

    /** When the running engine started (replaced by a reload), as status.dat's {@code program_start}. */
    public Instant started() {
        return started;
    }

    /** Whether state is being retained (false when it is off or failed to start). */
    public boolean retentionRunning() {
        return retention != null;
    }

    /** Why retention failed to start, if it did (empty when it runs or is switched off). */
    public Optional<String> retentionProblem() {
        return Optional.ofNullable(retentionProblem);
    }

    /** Why retained state cannot be written now (retention started, but its last write failed); empty otherwise. */
    public Optional<String> retentionWriteProblem() {
        WriteBehindRetention r = retention;
        return r == null ? Optional.empty() : r.writeProblem().map(String::valueOf);
    }

    /** Why the status file could not be written the last time (empty while it is written, or there is none). */
    public Optional<String> statusFileProblem() {
        return Optional.ofNullable(statusFileProblem);
    }

    /** Whether the external command file is being read. */
    public boolean commandFileReading() {
        return commandFile != null;
    }

    /** Why the external command file could not be opened, if it could not (empty when read or switched off). */
    public Optional<String> commandFileProblem() {
        return Optional.ofNullable(commandFileProblem);
    }

    public Engine engine() {
        return engine;
    }

    public Path statusPath() {
        return config.mainConfig().path("status_file").orElse(null);
    }

    // ---------------------------------------------------------------------------------------------------
    // Reload (org.vigil.engine.reload)
    // ---------------------------------------------------------------------------------------------------

    /**
     * The one path of every reload (SIGHUP, {@code vigil reload}, the config watch): logs {@code reason}, loads
     * and verifies the main config again on the caller's thread; with errors, logs each and keeps running the
     * old config; else swaps in an engine for the new config that continues the old one's state, entries and
     * schedule. Reloads are serialized; after {@link #close} nothing happens.
     */
    public ReloadResult reload(String reason) {
        synchronized (reloading) {
            if (closed) {
                return ReloadResult.rejected(clock.instant(), List.of("the monitor is shutting down"));
            }
            log.log(reason);
            LoadResult next = ConfigLoader.load(config.mainConfig().file());
            List<String> errors = ReloadPlan.errors(next);
            ReloadResult result;
            if (errors.isEmpty()) {
                try {
                    swap(next);
                    result = ReloadResult.applied(clock.instant());
                } catch (RuntimeException e) { // a bug: say so, and never leave the command file held
                    commandGate.open(line -> commands.submitLine(line));
                    log.log("Error: reload failed: " + e);
                    result = ReloadResult.rejected(clock.instant(), List.of("internal error: " + e));
                    lastRejected = result;
                }
            } else {
                errors.forEach(e -> log.log("Error: reload rejected: " + e));
                log.log("Error: reload rejected: " + errors.size()
                        + " error(s) in the new configuration; still running the previous one");
                result = ReloadResult.rejected(clock.instant(), errors);
                lastRejected = result;
            }
            lastReload = result;
            return result;
        }
    }

    /** The in-memory retention round trip: the old engine's snapshot is retained by the new one. */
    private void swap(LoadResult next) {
        ReloadPlan.restartOnlyChanges(config.mainConfig(), next.mainConfig()).forEach(log::log);
        Engine old = engine;
        EngineListenerFactory.Attachment freshAttachment = listeners.create(next, log);
        Engine fresh = buildEngine(next, freshAttachment.listener());
        commandGate.hold();
        old.pauseChecks();
        LateResults late = new LateResults();
        Handover handover = old.handOver(late);
        RetainedState carried = ReloadPlan.onlyExisting(handover.state(), fresh.retentionKeys());
        fresh.retainHandover(carried, retention);
        if (retention != null) {
            retention.retainOnly(fresh.retentionKeys());
        }
        fresh.continueFrom(handover);
        freshAttachment.bind().accept(fresh);
        config = next;
        listenerPass = passOn(fresh, freshAttachment);
        engine = fresh;
        commands = new Commands(fresh, next.mainConfig(), log, clock, entryLimits);
        started = clock.instant();
        log.log("Vigil " + VERSION + " starting... (PID=" + ProcessHandle.current().pid() + ")");
        fresh.start();
        late.attach(fresh::applyCarried);
        commandGate.open(commands::submitLine);
        retire(old, fresh);
    }

    /**
     * Closes the replaced engine once its running checks have come back (their results went to {@code fresh});
     * a check that has not after the longest check timeout is given up, so {@code fresh} may run it again.
     */
    private void retire(Engine old, Engine fresh) {
        retiring.add(old);
        MainConfig main = config.mainConfig();
        long waitSeconds = 5 + Math.max(main.value("service_check_timeout").map(Daemon::seconds).orElse(60L),
                main.value("host_check_timeout").map(Daemon::seconds).orElse(30L));
        Thread t = new Thread(() -> {
            try {
                old.awaitIdle(java.time.Duration.ofSeconds(waitSeconds));
                Set<org.vigil.engine.retention.ObjectKey> lost = old.runningChecks();
                old.close();
                if (!lost.isEmpty() && !closed) {
                    log.log("Warning: reload: " + lost.size() + " check(s) of the previous configuration did not"
                            + " finish within " + waitSeconds + "s; they are scheduled again");
                    fresh.releaseRunning(lost);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closed) { // after close, the engines are being stopped anyway
                    log.log("Warning: reload: the previous engine did not stop cleanly: " + e.getMessage());
                }
            } finally {
                retiring.remove(old);
            }
        }, "vigil-reload-retire");
        t.setDaemon(true);
        t.start();
    }

    /** The outcome of the last reload, if there was one. */
    public Optional<ReloadResult> lastReload() {
        return Optional.ofNullable(lastReload);
    }

    /** The last rejected reload (kept after later successful ones), for the status file and the web page. */
    public Optional<ReloadResult> lastRejectedReload() {
        return Optional.ofNullable(lastRejected);
    }

    /** The main config now running (replaced by a successful reload). */
    public MainConfig mainConfig() {
        return config.mainConfig();
    }

    /** The lines the last reloads add to status.dat's {@code programstatus} block. */
    private String reloadStatusLines() {
        return ReloadResult.statusLines(lastReload(), lastRejectedReload());
    }

    // ---------------------------------------------------------------------------------------------------
    // end of the reload section
    // ---------------------------------------------------------------------------------------------------

    /** Stops checks, writes the current states to the log and the status file one last time. */
    @Override
    public void close() {
        synchronized (reloading) {
            closed = true;
        }
        retiring.forEach(Engine::close);
        timers.close();
        if (commandFile != null) {
            commandFile.close();
        }
        engine.close();
        if (statusFile != null) {
            try {
                statusFile.write(statusSnapshot(engine, config)::renderTo);
            } catch (IOException e) {
                log.log("Warning: cannot write the status file: " + e.getMessage());
            }
        }
        StateLog.currentStates(engine.hosts(), engine.services()).forEach(log::log);
        if (retention != null) {
            retention.close();
        }
        if (prefetch != null) { // stopped before it started
            prefetch.discard();
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
