package org.vigil.notify.setup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.vigil.engine.daemon.EngineListenerFactory;
import org.vigil.engine.exec.CheckDispatch;
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
import org.vigil.notify.rules.StartMarkers;

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
    private final CheckDispatch checkDispatch;
    private final Clock clock;
    /** Made at the first config, whose nagios_user it keeps (Nagios switches users once, at start). */
    private volatile PluginRunner runner;
    private volatile Outbox outbox;
    private boolean opened;
    private volatile CommandSink commands;
    private final Dispatcher dispatcher;
    private volatile Optional<StartMarkers> markers = Optional.empty();
    /** The log of the config running now: the dispatcher outlives each config. */
    private volatile Consumer<String> log = System.err::println;

    public Notifications(NotifySettings settings, Clock clock) {
        this(settings, clock, CheckDispatch.LOCAL);
    }

    /**
     * Notifications whose contact commands are offered, config by config, to {@code dispatch}'s
     * {@link CheckDispatch#notificationsFor} (gearmand workers) before they run here; the caller closes it.
     */
    public Notifications(NotifySettings settings, Clock clock, CheckDispatch dispatch) {
        this.checkDispatch = dispatch;
        this.settings = settings;
        this.clock = clock;
        this.dispatcher = new Dispatcher(() -> outbox, () -> commands, () -> markers, line -> log.accept(line));
    }

    @Override
    public synchronized Attachment create(LoadResult config, NagiosLog log) {
        MainConfig main = config.mainConfig();
        this.log = log::log;
        if (!opened) {
            opened = true;
            runner = PluginRunners.create(RunnerOptions.defaults().withClock(clock).forDaemon(main));
            outbox = open(main, log::log);
            markers = StartMarkers.in(stateDirectory(main).resolve("vigil-notify-started"), log::log);
        }
        warnAboutUnknownChannels(config, log::log);
        MacroResolver macros = new MacroResolver(config.model(), main, RuntimeMacros.NONE, clock);
        CommandSink previous = commands;
        commands = new CommandSink(macros, runner, main, log::log, COMMAND_THREADS,
                checkDispatch.notificationsFor(config.model(), main, log::log));
        Engine[] engine = new Engine[1];
        RoutingSink[] sink = new RoutingSink[1];
        Periods periods = new Periods(config.model().compileTimeperiods(main.zone(), new Diagnostics()));
        LateBlockers blockers = new LateBlockers();
        Notifier notifier = new Notifier(config.model(), periods, () -> engine[0].switches().notificationsEnabled(),
                blockers,
                NotifierSettings.from(main, clock.instant()), n -> sink[0].deliver(n), log::log);
        notifier.useNotificationIds(() -> engine[0].eventIds().takeNotificationId());
        notifier.onContactNotified((contact, host, at) -> engine[0].contactNotifications().notified(contact, host, at));
        NotifierListener listener = new NotifierListener(notifier, clock);
        return new Attachment(listener, e -> {
            engine[0] = e;
            sink[0] = new RoutingSink(new BuiltInCommands(config.model(), macros), dispatcher, e.journal(), log::log);
            if (previous == null) { // only the first engine finds notifications from before the start
                resend(e, sink[0], config, markers, log::log);
            }
            blockers.bind(new EngineBlockers(e, clock));
            listener.bind(e);
            if (previous != null) { // the replaced engine has handed over: its commands may finish, then stop
                Thread t = new Thread(previous::close, "vigil-notify-retire");
                t.setDaemon(true);
                t.start();
            }
        }, listener::renotify);
    }

    /** Where Vigil keeps its own state files: beside {@code state_retention_file}, else beside nagios.cfg. */
    private static Path stateDirectory(MainConfig main) {
        return main.path("state_retention_file").map(Path::toAbsolutePath).map(Path::getParent)
                .orElse(main.file().toAbsolutePath().getParent());
    }

    /**
     * Sends the notifications the journal kept from before the last stop (decided, their cause retained, never
     * sent): a kill -9 between the two loses neither. Only the first engine finds any; a reload hands none over.
     */
    private static void resend(Engine e, RoutingSink sink, LoadResult config, Optional<StartMarkers> markers,
                               Consumer<String> log) {
        List<org.vigil.engine.retention.Entry> retained = e.journal().takeRetained();
        if (e.journal().isOn()) { // markers of settled entries are no longer needed; the others guard the resends
            markers.ifPresent(m -> m.keepOnly(retained.stream().map(org.vigil.engine.retention.Entry::id)
                    .collect(java.util.stream.Collectors.toSet())));
        }
        for (org.vigil.engine.retention.Entry entry : retained) {
            JournalRecord.Result r = JournalRecord.read(entry.fields(), config.model());
            if (r.notification().isEmpty()) {
                log.accept("Warning: a notification decided before the last stop about " + entry.object()
                        + " is not sent: " + r.problem());
                e.journal().settle(entry.id());
                continue;
            }
            org.vigil.notify.rules.Notification n = r.notification().get();
            log.accept("Notification of contact '" + n.contact().name() + "' about " + n.objectKey() + " ("
                    + n.type() + ") was decided before the last stop and not sent: sending it now");
            sink.resend(n, entry.id());
        }
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
        Path dir = stateDirectory(main);
        OutboxSettings os = settings.outboxUrl().map(OutboxSettings::of).orElse(OutboxSettings.embedded(dir))
                .withBackoff(new Backoff(settings.retryInitial(), settings.retryMax()))
                .withGiveUpAfter(settings.giveUpAfter());
        try {
            Outbox o = Outbox.open(os, channels, clock, log);
            o.onFinished(dispatcher::finished);
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
        dispatcher.close();
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

    /** The email channel's one-click links, when they are enabled: the web side checks their tokens. */
    public Optional<org.vigil.notify.delivery.email.EmailActions> emailActions() {
        return settings.email().map(org.vigil.notify.delivery.email.EmailSettings::actions)
                .filter(org.vigil.notify.delivery.email.EmailActions::enabled);
    }
}
