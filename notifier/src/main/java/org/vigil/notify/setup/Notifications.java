package org.vigil.notify.setup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.Command;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListenerFactory;
import org.vigil.engine.log.NagiosLog;
import org.vigil.notify.delivery.Channel;
import org.vigil.notify.delivery.email.EmailChannel;
import org.vigil.notify.delivery.webhook.WebhookChannel;
import org.vigil.notify.outbox.Backoff;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxException;
import org.vigil.notify.outbox.OutboxSettings;
import org.vigil.notify.rules.CommandSink;
import org.vigil.notify.rules.EngineBlockers;
import org.vigil.notify.rules.Notifier;
import org.vigil.notify.rules.NotifierListener;
import org.vigil.notify.rules.NotifierSettings;
import org.vigil.notify.rules.Periods;

/**
 * Notifications for a running daemon: gives every engine it builds (at start and at each reload) a
 * {@link NotifierListener} bound to it, whose notifications go to the contacts' commands and, for
 * {@code vigil-notify} commands, to the durable outbox of the built-in channels. The outbox and the channels
 * live as long as this object; close it after the daemon.
 */
public final class Notifications implements EngineListenerFactory, AutoCloseable {

    /** How many notification commands run at once. */
    private static final int COMMAND_THREADS = 4;

    private final NotifySettings settings;
    private final Clock clock;
    private final PluginRunner runner;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-outbox-queue");
        t.setDaemon(true);
        return t;
    });
    private Outbox outbox;
    private boolean opened;
    private CommandSink commands;

    public Notifications(NotifySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.runner = PluginRunners.create(RunnerOptions.defaults().withClock(clock));
    }

    @Override
    public synchronized Attachment create(LoadResult config, NagiosLog log) {
        MainConfig main = config.mainConfig();
        if (!opened) {
            opened = true;
            outbox = open(main, log::log);
        }
        warnAboutUnknownChannels(config, log::log);
        MacroResolver macros = new MacroResolver(config.model(), main, RuntimeMacros.NONE, clock);
        CommandSink previous = commands;
        commands = new CommandSink(macros, runner, main, log::log, COMMAND_THREADS);
        RoutingSink sink = new RoutingSink(new BuiltInCommands(config.model(), macros), commands, outbox, queue,
                log::log);
        Engine[] engine = new Engine[1];
        Periods periods = new Periods(config.model().compileTimeperiods(main.zone(), new Diagnostics()));
        LateBlockers blockers = new LateBlockers();
        Notifier notifier = new Notifier(config.model(), periods, () -> engine[0].notificationsEnabled(), blockers,
                NotifierSettings.from(main, clock.instant()), sink, log::log);
        NotifierListener listener = new NotifierListener(notifier, clock);
        return new Attachment(listener, e -> {
            engine[0] = e;
            blockers.bind(new EngineBlockers(e, clock));
            listener.bind(e);
            if (previous != null) { // the replaced engine has handed over: its commands may finish, then stop
                Thread t = new Thread(previous::close, "vigil-notify-retire");
                t.setDaemon(true);
                t.start();
            }
        }, listener::renotify);
    }

    /**
     * The outbox of the built-in channels: {@code outbox.url}, else embedded H2 beside {@code state_retention_file}
     * (else beside nagios.cfg). If it cannot be opened the monitor runs on and says so; commands still run.
     */
    private Outbox open(MainConfig main, Consumer<String> log) {
        List<Channel> channels = new ArrayList<>();
        settings.email().ifPresent(e -> channels.add(new EmailChannel(e)));
        settings.webhooks().forEach(w -> channels.add(new WebhookChannel(w)));
        if (channels.isEmpty()) {
            return null;
        }
        Path dir = main.path("state_retention_file").map(Path::toAbsolutePath).map(Path::getParent)
                .orElse(main.file().toAbsolutePath().getParent());
        OutboxSettings os = settings.outboxUrl().map(OutboxSettings::of).orElse(OutboxSettings.embedded(dir))
                .withBackoff(new Backoff(settings.retryInitial(), settings.retryMax()))
                .withGiveUpAfter(settings.giveUpAfter());
        try {
            Outbox o = Outbox.open(os, channels, clock, log);
            log.accept("Notifications: built-in channels " + String.join(", ", settings.channelNames())
                    + " through the outbox " + os.jdbcUrl().replaceAll("password=[^&;]*", "password=***"));
            return o;
        } catch (OutboxException e) {
            log.accept("Error: the notification outbox cannot be opened, built-in channels are off: " + e.getMessage());
            return null;
        }
    }

    /** A command selecting a channel that is not configured is a warning at start, not a surprise at 3 a.m. */
    private void warnAboutUnknownChannels(LoadResult config, Consumer<String> log) {
        BuiltInCommands builtIn = new BuiltInCommands(config.model(), null);
        List<String> known = settings.channelNames();
        for (Command c : config.model().commands().values()) {
            if (!builtIn.isBuiltIn(c.name())) {
                continue;
            }
            List<String> words = List.of(c.line().strip().split("\\s+"));
            Optional<String> channel = words.size() == 2 && words.get(1).equals("email") ? Optional.of("email")
                    : words.size() == 3 && words.get(1).equals("webhook") ? Optional.of(words.get(2)) : Optional.empty();
            if (channel.isEmpty()) {
                log.accept("Warning: command '" + c.name() + "': '" + c.line()
                        + "' is not 'vigil-notify email' or 'vigil-notify webhook NAME'");
            } else if (!channel.get().contains("$") && !known.contains(channel.get())) {
                log.accept("Warning: command '" + c.name() + "' selects the built-in channel '" + channel.get()
                        + "', which is not configured (channels: " + (known.isEmpty()
                        ? "none; set notifications: in vigil.yml or -Dvigil.notify.config"
                        : String.join(", ", known)) + ")");
            }
        }
    }

    /** Stops the queue, the command threads and the outbox (what is pending stays for the next start). */
    @Override
    public synchronized void close() {
        queue.shutdown();
        try {
            queue.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (commands != null) {
            commands.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        if (runner instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // only the runner's timeout thread; nothing to recover
            }
        }
    }

    /** The outbox, for the status page (pending and failed deliveries); empty without built-in channels. */
    public synchronized Optional<Outbox> outbox() {
        return Optional.ofNullable(outbox);
    }
}
