package org.vigil.engine.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.exec.ChildUser;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.config.LoadResult;
import org.vigil.config.StageTimer;
import org.vigil.config.main.Accounts;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.command.CommandFile;
import org.vigil.engine.command.Commands;
import org.vigil.engine.command.EntryLimits;
import org.vigil.engine.exec.CheckDispatch;
import org.vigil.engine.exec.PluginCheckExecutor;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.reload.CommandGate;
import org.vigil.engine.reload.ReloadResult;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.schedule.HeapCheckClock;
import org.vigil.engine.schedule.PeriodicJobs;
import org.vigil.engine.status.StatusFile;
import org.vigil.engine.sweep.SweepService;

/**
 * The running monitor: the engine on Quartz with the real plugin runner, the main log, and status.dat
 * rewritten every {@code status_update_interval}. {@link #close} stops it cleanly, writing state last. Wires the
 * parts of the process: {@link DaemonRetention}, {@link StatusWriter}, {@link Reloader}, the command file.
 */
public final class Daemon implements AutoCloseable {

    /** The version shown in the log and status.dat. */
    public static final String VERSION = "0.1.0";
    /** How often the listener's periodic task (the notifier's re-notification pass) runs on the engine thread. */
    public static final Duration LISTENER_PASS = Duration.ofSeconds(5);

    /** The running config and engine: replaced together by {@link #reload}. */
    private volatile LoadResult config;
    private final Clock clock;
    private final NagiosLog log;
    private volatile Engine engine;
    /** Starts the plugins of every kind of command (handlers and feeds have runners of their own). */
    private final PluginRunner runner;
    /** Runs active checks: the built-ins in front of {@link #runner}, as the switches say. */
    private final PluginRunner checkRunner;
    private final BuiltinSwitches builtins;
    private final CheckDispatch dispatch;
    private final PeriodicJobs timers = new PeriodicJobs("vigil-periodic");
    private volatile Instant started;
    private volatile Commands commands;
    /** How many comments and downtimes commands may add (vigil.yml's {@code limits:}); kept across reloads. */
    private volatile EntryLimits entryLimits = EntryLimits.DEFAULTS;
    private CommandFile commandFile;
    /** The command file's lines go to the current engine's commands, and wait while a reload swaps engines. */
    private final CommandGate commandGate = new CommandGate(line -> commands.submitLine(line));
    /** Makes each engine's listener; {@link #attachment} is the first engine's. */
    private final EngineListenerFactory listeners;
    private final EngineListenerFactory.Attachment attachment;
    /** Queues the current listener's periodic task on its own engine (swapped with the engine, as one value). */
    private volatile Runnable listenerPass = () -> { };
    /** Sweeps, on whichever engine runs at the time. */
    private final SweepService sweeps = new SweepService(this::engine);
    private volatile String commandFileProblem;
    private final DaemonRetention retention;
    private final StatusWriter status;
    private final Reloader reloader;
    private final LogRotator rotator;
    private final SyslogSwitch syslog;

    /** Builds the daemon for a config that loaded without errors. */
    public Daemon(LoadResult config, Clock clock, PrintStream console) throws IOException {
        this(config, clock, console, EngineListenerFactory.NONE);
    }

    /** Builds the daemon for a config that loaded without errors, each engine listened to as {@code listeners} says. */
    public Daemon(LoadResult config, Clock clock, PrintStream console, EngineListenerFactory listeners)
            throws IOException {
        this(config, clock, console, listeners, BuiltinSwitches.ON);
    }

    /**
     * Builds the daemon for a config that loaded without errors, each engine listened to as {@code listeners} says,
     * its active checks run built-in as {@code builtins} allows (vigil.yml's {@code builtin_checks:}).
     */
    public Daemon(LoadResult config, Clock clock, PrintStream console, EngineListenerFactory listeners,
                  BuiltinSwitches builtins) throws IOException {
        this(config, clock, console, listeners, builtins, CheckDispatch.LOCAL);
    }

    /**
     * {@link #Daemon(LoadResult, Clock, PrintStream, EngineListenerFactory, BuiltinSwitches)}, its active checks sent
     * where {@code dispatch} says (gearmand workers; the objects no queue takes run here). The daemon closes it.
     */
    public Daemon(LoadResult config, Clock clock, PrintStream console, EngineListenerFactory listeners,
                  BuiltinSwitches builtins, CheckDispatch dispatch) throws IOException {
        this.config = config;
        this.dispatch = dispatch;
        this.listeners = listeners;
        this.clock = clock;
        MainConfig main = config.mainConfig();
        this.log = new NagiosLog(main.path("log_file").orElse(null), clock, console);
        this.runner = runner(clock, main);
        this.builtins = builtins;
        this.checkRunner = builtins.inFrontOf(runner);
        this.attachment = listeners.create(config, log);
        this.engine = buildEngine(config, attachment.listener());
        this.status = main.path("status_file").map(StatusFile::new)
                .map(f -> new StatusWriter(f, new Source(), clock, log)).orElse(null);
        this.started = clock.instant();
        this.commands = new Commands(engine, main, log, clock);
        this.retention = new DaemonRetention(log);
        this.reloader = new Reloader(this, log, clock, commandGate);
        this.rotator = new LogRotator(log, clock, this::config, this::engine);
        this.syslog = new SyslogSwitch(log);
        syslog.follow(main);
    }

    /** An engine for {@code config}; nothing runs until it is started. */
    Engine buildEngine(LoadResult config, EngineListener listener) {
        MainConfig main = config.mainConfig();
        return new Engine(config.model(), main, clock, new HeapCheckClock(clock),
                PluginCheckExecutor.factory(config.model(), main,
                        dispatch.runnerFor(config.model(), main, checkRunner, log::log), clock),
                dispatch.handlersFor(config.model(), main, log::log), log, listener);
    }

    private static Runnable passOn(Engine e, EngineListenerFactory.Attachment a) {
        Runnable periodic = a.periodic();
        return () -> e.submit("listener pass", periodic);
    }

    /**
     * The plugin runner ({@link PluginRunners}): posix_spawn through Vigil's JNI library where it was built, else
     * {@link ProcessBuilder}; {@code -Dvigil.runner=direct} or {@code commons-exec} choose one.
     */
    static PluginRunner runner(Clock clock, MainConfig main) throws IOException {
        PluginRunner runner = PluginRunners.create(RunnerOptions.defaults().withClock(clock).forDaemon(main));
        if (ChildUser.switchTo(main, new Accounts()).isPresent() && !ChildUser.canSwitch(runner)) {
            throw new IOException("nagios_user names another user, and this JVM runs as root: starting commands as"
                    + " that user through " + PluginRunners.describe(runner) + " needs /usr/bin/setpriv (util-linux),"
                    + " which is not installed");
        }
        return runner;
    }

    /**
     * Keeps retained state in the database at {@code jdbcUrl} (H2 file or PostgreSQL), over
     * {@code -Dvigil.retention.url}, {@code VIGIL_RETENTION_URL} and {@code state_retention_file}; before
     * {@link #start}.
     */
    public void useRetentionDatabase(String jdbcUrl) {
        retention.useDatabase(jdbcUrl);
    }

    /**
     * Restores from {@code early}, read while the config loaded, instead of reading the database at start (if it
     * read the database this daemon uses; else it is closed and the database read again); before {@link #start}.
     */
    public void useRetentionPrefetch(RetentionPrefetch early) {
        retention.usePrefetch(early);
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
        ProgramStart.log(log, clock, config.mainConfig());
        log.log("Plugins are started through " + PluginRunners.describe(runner));
        log.log(builtins.describe());
        PluginDirectory.missingNotice(config.mainConfig(), config.model(), builtins, clock).ifPresent(log::log);
        ChildUser.startNotice(config.mainConfig(), new Accounts()).ifPresent(log::log);
        StageTimer timer = new StageTimer();
        retention.start(config.mainConfig(), engine);
        timer.stage("start: retention restored");
        restored.run();
        attachment.bind().accept(engine);
        timer.stage("start: listener bound");
        listenerPass = passOn(engine, attachment);
        engine.start();
        timer.stage("start: engine started");
        ObjectCacheFile.write(config, log);
        startCommandFile();
        timers.every("listener", LISTENER_PASS, () -> listenerPass.run());
        timers.every("log-rotation", Duration.ofSeconds(1), rotator::tick);
        // downtimes start and end on the second, as Nagios's event queue runs them
        timers.every("downtimes", Duration.ofSeconds(1),
                () -> engine.submit("downtime tick", () -> engine.downtimes().tick(clock.instant())));
        // acknowledgements with an end time (ACKNOWLEDGE_*_PROBLEM_EXPIRE) end on the second too
        timers.every("acknowledgements", Duration.ofSeconds(1), () -> engine.submit("acknowledgement expiry",
                () -> engine.expireAcknowledgements(clock.instant())));
        if (status != null) {
            long every = config.mainConfig().value("status_update_interval").map(Daemon::seconds).orElse(10L);
            Duration period = Duration.ofSeconds(Math.max(1, every));
            // the first write waits a little: rendering 100,000 services took CPU from the first checks and the API
            timers.every("status-file", period, min(period, StatusWriter.FIRST), status::write);
        }
        startFreshnessChecks();
    }

    private static Duration min(Duration a, Duration b) {
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

    static long seconds(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    /** A reload swapped engines: {@code fresh} runs {@code next} from now on. */
    void switchTo(LoadResult next, Engine fresh, EngineListenerFactory.Attachment freshAttachment) {
        config = next;
        listenerPass = passOn(fresh, freshAttachment);
        engine = fresh;
        commands = new Commands(fresh, next.mainConfig(), log, clock, entryLimits);
        started = clock.instant();
        syslog.follow(next.mainConfig());
    }

    LoadResult config() {
        return config;
    }

    EngineListenerFactory listeners() {
        return listeners;
    }

    WriteBehindRetention retentionWriter() {
        return retention.writer();
    }

    /** The external commands, for the API and web pages. */
    public Commands commands() {
        return commands;
    }

    /** Sweeps (start, poll, cancel), for the control socket and the web layer. */
    public SweepService sweeps() {
        return sweeps;
    }

    /** When the running engine started (replaced by a reload), as status.dat's {@code program_start}. */
    public Instant started() {
        return started;
    }

    /** Whether state is being retained (false when it is off or failed to start). */
    public boolean retentionRunning() {
        return retention.writer() != null;
    }

    /** Why retention failed to start, if it did (empty when it runs or is switched off). */
    public Optional<String> retentionProblem() {
        return retention.problem();
    }

    /** Why retained state cannot be written now (retention started, but its last write failed); empty otherwise. */
    public Optional<String> retentionWriteProblem() {
        return retention.writeProblem();
    }

    /** Why the status file could not be written the last time (empty while it is written, or there is none). */
    public Optional<String> statusFileProblem() {
        return Optional.ofNullable(status == null ? null : status.problem());
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

    /**
     * The one path of every reload (SIGHUP, {@code vigil reload}, the config watch): see {@link Reloader#reload}.
     * Reloads are serialized; after {@link #close} nothing happens.
     */
    public ReloadResult reload(String reason) {
        return reloader.reload(reason);
    }

    /** The outcome of the last reload, if there was one. */
    public Optional<ReloadResult> lastReload() {
        return reloader.lastReload();
    }

    /** The last rejected reload (kept after later successful ones), for the status file and the web page. */
    public Optional<ReloadResult> lastRejectedReload() {
        return reloader.lastRejected();
    }

    /** The main config now running (replaced by a successful reload). */
    public MainConfig mainConfig() {
        return config.mainConfig();
    }

    /**
     * Logs that a signal stops the monitor, as Nagios does before it shuts down ({@code Caught SIGTERM, shutting
     * down...}): avail.cgi and trends.cgi read the line as the end of the program's uptime.
     */
    public void caughtSignal(String signal) {
        log.log("Caught SIG" + signal + ", shutting down...");
    }

    /**
     * Stops checks and writes the status file one last time. No state lines follow in the log, as in Nagios: avail.cgi
     * would read a {@code CURRENT ... STATE} line after {@code shutting down...} as the object's state while the
     * program was not running, and hide the program's downtime.
     */
    @Override
    public void close() {
        reloader.close();
        timers.close();
        if (commandFile != null) {
            commandFile.close();
        }
        engine.close();
        dispatch.close();
        if (status != null) {
            status.writeLast();
        }
        retention.close();
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

    /** What status.dat reads of this daemon at each write. */
    private final class Source implements StatusWriter.Source {
        @Override
        public Engine engine() {
            return engine;
        }

        @Override
        public LoadResult config() {
            return config;
        }

        @Override
        public Instant started() {
            return started;
        }

        @Override
        public String reloadLines() {
            return reloader.statusLines();
        }

        @Override
        public Optional<Instant> lastLogRotation() {
            return rotator.lastRotation();
        }
    }
}
