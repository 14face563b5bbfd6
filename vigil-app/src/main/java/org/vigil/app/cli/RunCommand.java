package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.engine.daemon.Daemon;
import org.vigil.engine.daemon.RetentionPrefetch;
import org.vigil.engine.reload.ConfigWatcher;
import org.vigil.notify.setup.Notifications;
import org.vigil.engine.exec.CheckDispatch;
import org.vigil.worker.dispatch.DispatchReading;
import org.vigil.worker.dispatch.GearmanDispatch;
import org.vigil.worker.dispatch.GearmanStatus;
import org.vigil.worker.dispatch.QueueMonitor;
import org.vigil.notify.setup.NotifySettings;
import org.vigil.web.app.DatabaseConfig;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.perfdata.MetricWriters;
import org.vigil.engine.daemon.EngineListenerFactory;
import org.vigil.livestatus.server.LivestatusServer;
import org.vigil.livestatus.server.TriggerListener;
import org.vigil.livestatus.server.WaitTriggers;
import org.vigil.web.model.MetricsSource;
import org.vigil.web.model.Monitor;
import io.dropwizard.configuration.ConfigurationException;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil run [--watch] [--web-config vigil.yml] nagios.cfg}: the monitor in the foreground, logging to stdout
 * and {@code log_file}, until SIGTERM or Ctrl-C, which stop it cleanly. A config that {@code verify} rejects is
 * refused with the same errors.
 * SIGHUP (and, with {@code --watch}, a change of the config files) reloads the config keeping all state; the PID
 * is in {@code lock_file}, as Nagios keeps it. Under systemd ({@code NOTIFY_SOCKET}) it says READY=1 once checks
 * run and the web server answers ({@link SystemdNotify}).
 */
@Command(name = "run", description = {"run the monitor, with the status pages and API on :8080",
    "%nLogs to stdout and log_file. SIGHUP (and with --watch a change of the config files) reloads the"
        + " configuration keeping all state; SIGTERM or Ctrl-C stop it. A configuration that verify rejects is"
        + " refused with the same errors."})
final class RunCommand implements Callable<Integer> {

    /** Quiet time after the last change of a config file before {@code --watch} reloads. */
    static final Duration WATCH_DEBOUNCE = Duration.ofMillis(Long.getLong("vigil.watch.debounce.ms", 2000));

    private static final String USAGE = "usage: vigil run [--watch] [--web-config vigil.yml] [--no-web] [NAGIOS_CFG]"
            + " (NAGIOS_CFG, or nagios_config in vigil.yml)";

    @Mixin
    HelpOption help;

    @Option(names = "--watch", description = "reload when the configuration files change")
    boolean watch;

    @Option(names = "--web-config", paramLabel = "vigil.yml",
            description = "the web server's settings (docs/configuration.md); may name the NAGIOS_CFG")
    Path webConfig;

    @Option(names = "--no-web", description = "no web server")
    boolean noWeb;

    @Parameters(arity = "0..1", paramLabel = "NAGIOS_CFG",
            description = "the main configuration file (or nagios_config in vigil.yml)")
    String file;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (file == null && webConfig == null) {
            err.println(USAGE);
            return UsageErrors.USAGE;
        }
        return start(file, webConfig, !noWeb, watch);
    }

    /** Runs the monitor until it is stopped; 0 then, 1 when it cannot start. */
    int start(String file, Path webConfig, boolean web, boolean watch) {
        org.vigil.config.StageTimer timer = new org.vigil.config.StageTimer();
        // the object config named on the command line loads while the web settings are read (Dropwizard's YAML and
        // validator take most of a second at start); a config named only in vigil.yml loads after them
        CompletableFuture<ConfigLoader.Cached> early = file == null ? null : StartAhead.loadInBackground(Path.of(file));
        // so does the retention database, unless vigil.yml may name another one than nagios.cfg does
        Optional<RetentionPrefetch> guessed = file == null || StartAhead.mayNameDatabase(webConfig) ? Optional.empty()
                : StartAhead.prefetchRetention(Path.of(file), new DatabaseConfig());
        int code = 1;
        try {
            code = run(file, webConfig, web, watch, early, guessed, timer);
        } finally {
            if (code != 0) { // the monitor did not start: the database read ahead is closed as it was found
                guessed.ifPresent(RetentionPrefetch::discard);
            }
        }
        return code;
    }

    private int run(String file, Path webConfig, boolean web, boolean watch,
                    CompletableFuture<ConfigLoader.Cached> early,
                    Optional<RetentionPrefetch> guessed, org.vigil.config.StageTimer timer) {
        RunSettings settings = null;
        if (web || webConfig != null) {
            try {
                settings = WebServer.configuration(webConfig, RunSettings.class);
            } catch (IOException | ConfigurationException e) {
                err.println("vigil run: the web configuration is not valid: " + e.getMessage().strip());
                return 1;
            }
        }
        Optional<Path> fromYaml = settings == null ? Optional.empty() : settings.nagiosConfigPath();
        if (file == null && fromYaml.isEmpty()) {
            err.println("vigil run: no Nagios config: give NAGIOS_CFG or nagios_config in " + webConfig);
            err.println(USAGE);
            return 2;
        }
        if (file != null && fromYaml.isPresent() && !sameFile(Path.of(file), fromYaml.get())) {
            err.println("vigil run: " + file + " (command line) and nagios_config " + fromYaml.get() + " (" + webConfig
                    + ") name different files; give one of them");
            return 2;
        }
        if (file == null) {
            file = fromYaml.get().toString();
        }
        VigilConfiguration webSettings = web ? settings : null;
        timer.stage("start: web settings");
        DatabaseConfig database = settings == null ? new DatabaseConfig() : settings.database;
        if (database.given()) { // guessed wrong: that read is closed, unused
            guessed.ifPresent(RetentionPrefetch::discard);
        }
        Optional<RetentionPrefetch> prefetch = guessed.isPresent() && !database.given() ? guessed
                : StartAhead.prefetchRetention(Path.of(file), database);
        ConfigLoader.Cached cached = early != null ? StartAhead.joined(early) : ConfigLoader.loadCached(Path.of(file));
        LoadResult config = cached.result();
        timer.stage("start: config loaded");
        cached.lookup().ifPresent(this::reportCache);
        cacheSave = cached.save();
        int code = 1;
        try {
            code = run(config, settings, webSettings, database, prefetch, webConfig, watch, timer);
        } finally {
            if (code != 0 && prefetch != guessed) { // the caller closes the guessed one
                prefetch.ifPresent(RetentionPrefetch::discard);
            }
        }
        return code;
    }

    /** Writes the objects cache once the monitor runs, if the config was loaded from its files. */
    private Optional<ConfigLoader.Save> cacheSave = Optional.empty();

    /** Says whether the objects were taken from the cache, and if not, why. */
    private void reportCache(org.vigil.config.cache.ObjectsCache.Lookup lookup) {
        if (lookup instanceof org.vigil.config.cache.ObjectsCache.Hit) {
            out.println("[" + System.currentTimeMillis() / 1000 + "] Objects: the resolved config of the last start"
                    + " was reused (every object file unchanged)");
        } else if (lookup instanceof org.vigil.config.cache.ObjectsCache.Miss m && !m.why().equals("none yet")) {
            out.println("[" + System.currentTimeMillis() / 1000 + "] Objects: loaded from the files (the objects"
                    + " cache is not used: " + m.why() + ")");
        }
    }

    /**
     * Writes the objects cache for the next start on a thread of its own, once the monitor runs: it is not on the
     * path of this start. A failure only means the next start loads the files; it is said once, with its cause.
     */
    private void saveCache(ConfigLoader.Save save) {
        Thread t = new Thread(() -> {
            try {
                save.run();
            } catch (IOException | RuntimeException e) {
                out.println("[" + System.currentTimeMillis() / 1000 + "] Warning: the objects cache cannot be written"
                        + " (the next start loads the object files): " + (e.getMessage() == null ? e : e.getMessage()));
            }
        }, "vigil-objects-cache");
        t.setDaemon(true);
        t.start();
    }

    private int run(LoadResult config, RunSettings settings, VigilConfiguration webSettings,
                    DatabaseConfig database, Optional<RetentionPrefetch> prefetch, Path webConfig, boolean watch,
                    org.vigil.config.StageTimer timer) {
        Path cwd = Path.of("").toAbsolutePath();
        for (Diagnostic d : config.diagnostics().all()) {
            (d.severity() == org.vigil.config.diag.Severity.ERROR ? err : out).println(VerifyCommand.display(d, cwd));
        }
        if (!config.ok()) {
            err.println("vigil run: the configuration has " + config.diagnostics().errorCount()
                    + " error(s); not starting (check it with 'vigil verify')");
            return 1;
        }
        Optional<LockFile> lock = Optional.empty();
        Optional<Path> lockPath = config.mainConfig().path("lock_file");
        if (lockPath.isPresent()) {
            lock = LockFile.acquire(lockPath.get(), problem -> err.println("vigil run: " + problem));
            if (lock.isEmpty()) {
                return 1;
            }
        }
        Optional<NotifySettings> notify = new NotifySetup(err).settings(settings, config, database);
        if (notify.isEmpty()) {
            lock.ifPresent(LockFile::close);
            return 1;
        }
        DispatchReading gearman = GearmanSetup.read(settings, config.mainConfig());
        gearman.warnings().forEach(out::println);
        if (!gearman.errors().isEmpty()) {
            gearman.errors().forEach(err::println);
            err.println("vigil run: the gearman settings have " + gearman.errors().size() + " error(s); not starting"
                    + " (check them with 'vigil verify --web-config vigil.yml')");
            lock.ifPresent(LockFile::close);
            return 1;
        }
        Optional<GearmanDispatch> dispatch = gearman.settings().map(s -> new GearmanDispatch(s, Clock.systemUTC()));
        dispatch.ifPresent(d -> out.println(GearmanSetup.describe(settings, gearman)));
        Optional<QueueMonitor> queues = gearman.settings().map(s -> QueueMonitor.of(s.servers()).start());
        Notifications notifications = new Notifications(notify.get(), Clock.systemUTC(),
                dispatch.<CheckDispatch>map(d -> d).orElse(CheckDispatch.LOCAL));
        Optional<MetricWriters> metrics = metricWriters(settings);
        Optional<org.vigil.perfdata.PerfdataStore> perfdata = PerfdataSetup.start(settings, config.mainConfig(), out,
                err);
        Optional<LivestatusSetup> livestatus = LivestatusSetup.of(config.mainConfig(), settings);
        WaitTriggers triggers = new WaitTriggers();
        EngineListenerFactory listeners = metrics.map(m -> notifications.and(m)).orElse(notifications);
        listeners = perfdata.<EngineListenerFactory>map(listeners::and).orElse(listeners);
        Daemon daemon;
        try {
            daemon = new Daemon(config, Clock.systemUTC(), out,
                    livestatus.isPresent() ? listeners.and(TriggerListener.factory(triggers)) : listeners,
                    RunSettings.builtins(settings), dispatch.<CheckDispatch>map(d -> d).orElse(CheckDispatch.LOCAL));
            if (settings != null) {
                daemon.limitEntries(settings.limits.entries());
            }
            if (database.given()) {
                if (System.getProperty("vigil.retention.url", System.getenv("VIGIL_RETENTION_URL")) != null) {
                    err.println("vigil run: note: database.url in " + webConfig + " is used for retention, not"
                            + " -Dvigil.retention.url / VIGIL_RETENTION_URL");
                }
                daemon.useRetentionDatabase(database.retentionUrl().orElseThrow());
            }
            prefetch.ifPresent(daemon::useRetentionPrefetch);
        } catch (IOException e) {
            err.println("vigil run: cannot start: " + FileProblems.describe(e));
            notifications.close();
            dispatch.ifPresent(GearmanDispatch::close);
            queues.ifPresent(QueueMonitor::close);
            metrics.ifPresent(MetricWriters::close);
            perfdata.ifPresent(org.vigil.perfdata.PerfdataStore::close);
            lock.ifPresent(LockFile::close);
            return 1;
        }
        timer.stage("start: daemon built");
        ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-reload");
            t.setDaemon(true);
            return t;
        });
        ConfigWatcher watcher = watch ? new ConfigWatcher(daemon::mainConfig, WATCH_DEBOUNCE, Duration.ofMillis(250),
                changed -> reloads.execute(() -> daemon.reload("Caught a change of " + changed + ", restarting...")))
                : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Optional<LockFile> held = lock;
        // the control socket beside lock_file, for 'vigil sweep' (org.vigil.web.control)
        Optional<org.vigil.web.control.ControlServer> control = lockPath.flatMap(p -> org.vigil.web.control
                .ControlServer.open(org.vigil.web.control.ControlProtocol.socketFor(p), daemon.sweeps(),
                        err::println));
        AtomicReference<WebServer> webServer = new AtomicReference<>();
        AtomicReference<LivestatusServer> livestatusServer = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // in the log too, as Nagios writes it: avail.cgi and trends.cgi end the program's uptime there
            daemon.caughtSignal("TERM");
            WebServer w = webServer.getAndSet(null);
            if (w != null) {
                w.close();
            }
            LivestatusServer live = livestatusServer.getAndSet(null);
            if (live != null) {
                live.close(); // and its socket file goes
            }
            if (watcher != null) {
                watcher.close();
            }
            control.ifPresent(org.vigil.web.control.ControlServer::close);
            // the held perfdata values are written while the log is open: what the store says lands in nagios.log
            perfdata.ifPresent(org.vigil.perfdata.PerfdataStore::close);
            daemon.close(); // and the gearman dispatch
            queues.ifPresent(QueueMonitor::close);
            notifications.close();
            metrics.ifPresent(MetricWriters::close);
            held.ifPresent(LockFile::close);
            stopped.countDown();
            // everything is written: end with status 0, as Nagios does, instead of the JVM's 143
            Runtime.getRuntime().halt(0);
        }, "vigil-shutdown"));
        Frontends frontends = new Frontends(out, err);
        CompletableFuture<Void> daemonStarted = new CompletableFuture<>();
        // done when the web server answers or has failed to start: then systemd hears that vigil is ready
        CompletableFuture<Void> webTried = new CompletableFuture<>();
        if (webSettings == null) {
            webTried.complete(null);
        }
        // one read model for the pages, the API and Livestatus: the engine makes one snapshot for all of them
        MetricsSource writerSeries = metrics.<MetricsSource>map(m -> m::appendPrometheus).orElse(MetricsSource.NONE);
        MetricsSource series = perfdata.<MetricsSource>map(p -> b -> {
            writerSeries.appendPrometheus(b);
            p.appendPrometheus(b);
        }).orElse(writerSeries);
        Monitor monitor = Monitor.sharingReads(daemon, notifications, series, dispatch.map(d -> GearmanReports.of(
                GearmanStatus.supplier(d::counters, queues.orElseThrow(), Clock.systemUTC()))),
                perfdata.map(PerfdataSetup::source).orElse(org.vigil.web.model.PerfdataSource.NONE));
        try {
            // the web server starts once retained state is back: started with the restore, it slowed the restore down
            // on 2 cores more than it gained (at 100,000 services, first result 7.9 s instead of 8.9 s, the API
            // 8.9 s instead of 10.2 s); it holds requests until the daemon has started
            daemon.start(() -> {
                if (webSettings != null) {
                    frontends.startWeb(monitor, webSettings, webServer, daemonStarted, webTried);
                }
            });
        } finally {
            daemonStarted.complete(null);
        }
        timer.stage("start: daemon started");
        livestatus.ifPresent(setup -> frontends.startLivestatus(setup, daemon, monitor.readModel().orElseThrow(),
                triggers).ifPresent(livestatusServer::set));
        cacheSave.ifPresent(this::saveCache);
        webTried.thenRun(() -> SystemdNotify.ready(err));
        onSighup(() -> reloads.execute(() -> daemon.reload("Caught SIGHUP, restarting...")));
        if (watcher != null) {
            watcher.start();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The metric writers {@code metric_writers:} in vigil.yml names, started; none without it. */
    private Optional<MetricWriters> metricWriters(RunSettings settings) {
        if (settings == null || settings.metrics == null || !settings.metrics.any()) {
            return Optional.empty();
        }
        MetricWriters writers = new MetricWriters(settings.metrics);
        out.println("[" + System.currentTimeMillis() / 1000 + "] Metrics: each result's performance data goes to "
                + String.join(" and ", writers.receivers()));
        return Optional.of(writers);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /**
     * SIGHUP reloads, as for Nagios (the JVM would otherwise run its shutdown hooks). {@code sun.misc.Signal} is
     * the JDK's supported-if-unofficial way to catch it (jdk.unsupported).
     */
    private void onSighup(Runnable reload) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> reload.run());
        } catch (IllegalArgumentException e) {
            err.println("vigil run: SIGHUP cannot be caught here (" + e.getMessage() + "); use --watch to reload");
        }
    }
}
