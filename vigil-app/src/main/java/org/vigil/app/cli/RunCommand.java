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
import org.vigil.config.main.MainConfig;
import org.vigil.config.main.MainConfigReader;
import org.vigil.engine.Daemon;
import org.vigil.engine.RetentionPrefetch;
import org.vigil.engine.reload.ConfigWatcher;
import org.vigil.notify.setup.Notifications;
import org.vigil.notify.setup.NotifySettings;
import org.vigil.notify.setup.NotifySettingsFile;
import org.vigil.web.app.DatabaseConfig;
import org.vigil.web.app.NotificationsConfig;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
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
 * is in {@code lock_file}, as Nagios keeps it.
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
        CompletableFuture<ConfigLoader.Cached> early = file == null ? null : loadInBackground(Path.of(file));
        // so does the retention database, unless vigil.yml may name another one than nagios.cfg does
        Optional<RetentionPrefetch> guessed = file == null || mayNameDatabase(webConfig) ? Optional.empty()
                : prefetchRetention(Path.of(file), new DatabaseConfig());
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

    /**
     * Whether {@code webConfig} may choose the retention database ({@code database:} in the file, or a
     * {@code -Ddw.database.*} override), so that the database nagios.cfg names cannot be read before it is parsed.
     * A wrong guess costs time only: the daemon uses a read ahead only if it read the database it chose.
     */
    static boolean mayNameDatabase(Path webConfig) {
        if (System.getProperties().stringPropertyNames().stream().anyMatch(k -> k.startsWith("dw.database"))) {
            return true;
        }
        if (webConfig == null) {
            return false;
        }
        try (java.io.InputStream in = org.vigil.config.main.BoundedInput.open(webConfig, WebServer.MAX_YAML_BYTES)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return java.util.regex.Pattern.compile("(?m)^\\s*\"?database\"?\\s*:|[{,]\\s*\"?database\"?\\s*:")
                    .matcher(text).find();
        } catch (IOException | RuntimeException e) {
            return true; // the settings' own parse reports it
        }
    }

    private int run(String file, Path webConfig, boolean web, boolean watch,
                    CompletableFuture<ConfigLoader.Cached> early,
                    Optional<RetentionPrefetch> guessed, org.vigil.config.StageTimer timer) {
        VigilConfiguration settings = null;
        if (web || webConfig != null) {
            try {
                settings = WebServer.configuration(webConfig);
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
                : prefetchRetention(Path.of(file), database);
        ConfigLoader.Cached cached = early != null ? joined(early) : ConfigLoader.loadCached(Path.of(file));
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

    /** Loads the object config on a thread of its own; the load reports its problems in its result. */
    private static CompletableFuture<ConfigLoader.Cached> loadInBackground(Path file) {
        CompletableFuture<ConfigLoader.Cached> loaded = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                loaded.complete(ConfigLoader.loadCached(file));
            } catch (Throwable e) { // NOPMD: whatever it is, the caller reports it as the load would have
                loaded.completeExceptionally(e);
            }
        }, "vigil-config-load");
        t.setDaemon(true);
        t.start();
        return loaded;
    }

    /** The background load's result, or what it threw, as the load on this thread would have thrown it. */
    private static ConfigLoader.Cached joined(CompletableFuture<ConfigLoader.Cached> loading) {
        try {
            return loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }

    /**
     * Reads the retention database on its own thread while the object config loads (the two slowest parts of a
     * restart at 100,000 services), when the main config names it; the daemon restores it at start.
     */
    private static Optional<RetentionPrefetch> prefetchRetention(Path file, DatabaseConfig database) {
        org.vigil.config.diag.Diagnostics quiet = new org.vigil.config.diag.Diagnostics();
        MainConfig main = new MainConfigReader(quiet).read(file);
        if (main == null || quiet.errorCount() > 0) {
            return Optional.empty(); // the full load reports what is wrong
        }
        return RetentionPrefetch.start(main, database.given() ? database.retentionUrl().orElseThrow() : null);
    }

    private int run(LoadResult config, VigilConfiguration settings, VigilConfiguration webSettings,
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
        Optional<NotifySettings> notify = settings != null && settings.notifications != null
                ? yamlNotifySettings(settings, config, database) : notifySettings(config, database);
        if (notify.isEmpty()) {
            lock.ifPresent(LockFile::close);
            return 1;
        }
        Notifications notifications = new Notifications(notify.get(), Clock.systemUTC());
        Daemon daemon;
        try {
            daemon = new Daemon(config, Clock.systemUTC(), out, notifications);
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
            err.println("vigil run: cannot start: " + e.getMessage());
            notifications.close();
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[" + System.currentTimeMillis() / 1000 + "] Caught SIGTERM, shutting down...");
            WebServer w = webServer.getAndSet(null);
            if (w != null) {
                w.close();
            }
            if (watcher != null) {
                watcher.close();
            }
            control.ifPresent(org.vigil.web.control.ControlServer::close);
            daemon.close();
            notifications.close();
            held.ifPresent(LockFile::close);
            stopped.countDown();
            // everything is written: end with status 0, as Nagios does, instead of the JVM's 143
            Runtime.getRuntime().halt(0);
        }, "vigil-shutdown"));
        CompletableFuture<Void> daemonStarted = new CompletableFuture<>();
        try {
            // the web server starts once retained state is back: started with the restore, it slowed the restore down
            // on 2 cores more than it gained (at 100,000 services, first result 7.9 s instead of 8.9 s, the API
            // 8.9 s instead of 10.2 s); it holds requests until the daemon has started
            daemon.start(() -> {
                if (webSettings != null) {
                    startWeb(daemon, notifications, webSettings, webServer, daemonStarted);
                }
            });
        } finally {
            daemonStarted.complete(null);
        }
        timer.stage("start: daemon started");
        cacheSave.ifPresent(this::saveCache);
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

    /**
     * The built-in channels' settings from {@code -Dvigil.notify.config} / {@code VIGIL_NOTIFY_CONFIG} (none: the
     * contacts' notification commands only); empty, with every problem printed, when the file is not valid. A
     * {@code database.url} in the YAML replaces the file's {@code outbox.url}.
     */
    private Optional<NotifySettings> notifySettings(LoadResult config, DatabaseConfig database) {
        Optional<Path> file = NotifySettingsFile.named();
        if (file.isEmpty()) {
            return Optional.of(NotifySettings.NONE);
        }
        NotifySettingsFile.Read read = NotifySettingsFile.read(file.get(), config.mainConfig().zone());
        read.errors().forEach(e -> err.println("vigil run: " + e));
        if (read.settings().isEmpty()) {
            err.println("vigil run: the notification settings have " + read.errors().size()
                    + " error(s); not starting");
            return read.settings();
        }
        NotifySettings s = read.settings().get();
        if (!database.given()) {
            return read.settings();
        }
        if (s.outboxUrl().isPresent()) {
            err.println("vigil run: note: database.url in the YAML is used for the outbox, not outbox.url in "
                    + file.get());
        }
        return Optional.of(new NotifySettings(s.email(), s.webhooks(), database.outboxUrl(), s.retryInitial(),
                s.retryMax(), s.giveUpAfter()));
    }

    /** The built-in channels' settings from the YAML's {@code notifications:}, which replaces the properties file. */
    private Optional<NotifySettings> yamlNotifySettings(VigilConfiguration settings, LoadResult config,
                                                        DatabaseConfig database) {
        NotifySettingsFile.named().ifPresent(f -> err.println("vigil run: note: notifications in " + settings.file
                + " are used, not " + f + " (VIGIL_NOTIFY_CONFIG / -Dvigil.notify.config)"));
        NotificationsConfig.Read read = settings.notifications.settings(settings.baseDir(), config.mainConfig().zone(),
                database.outboxUrl());
        read.errors().forEach(e -> err.println("vigil run: " + settings.file + ": " + e));
        if (read.settings().isEmpty()) {
            err.println("vigil run: the notification settings have " + read.errors().size()
                    + " error(s); not starting");
        }
        return read.settings();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /**
     * Starts the web server on its own thread, so checks start without waiting for it and its start-up overlaps the
     * monitor's; it holds requests until {@code daemonStarted}. A web server that cannot start (port in use) is
     * reported and the monitor runs on without it.
     */
    private void startWeb(Daemon daemon, Notifications notifications, VigilConfiguration settings,
                          AtomicReference<WebServer> started, CompletableFuture<Void> daemonStarted) {
        Thread t = new Thread(() -> {
            try {
                WebServer w = WebServer.start(Monitor.of(daemon, notifications), settings, Clock.systemUTC(),
                        daemonStarted);
                started.set(w);
                out.println("[" + System.currentTimeMillis() / 1000 + "] Web: serving http://"
                        + host(settings) + ":" + w.port() + "/ (admin port " + w.adminPort() + ")");
            } catch (Exception e) {
                err.println("vigil run: the web server did not start: " + e.getMessage()
                        + "; monitoring goes on without it");
            }
        }, "vigil-web-start");
        t.setDaemon(true);
        t.start();
    }

    private static String host(VigilConfiguration settings) {
        if (settings.getServerFactory() instanceof io.dropwizard.core.server.DefaultServerFactory f
                && f.getApplicationConnectors().get(0) instanceof io.dropwizard.jetty.HttpConnectorFactory h
                && h.getBindHost() != null) {
            return h.getBindHost();
        }
        return "0.0.0.0";
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
