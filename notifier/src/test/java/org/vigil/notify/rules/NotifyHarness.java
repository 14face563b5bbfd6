package org.vigil.notify.rules;

import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.Verdict;
import org.vigil.checks.result.PluginExit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;

/**
 * A real engine on a hand-moved clock, fed passive results, with the notifier listening: each step is a result,
 * a clock move or a re-notification pass, and the test reads back who was told what (contact, type, number).
 */
final class NotifyHarness implements AutoCloseable {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final String BASE = """
            define command {
                command_name notify-by-email
                command_line /bin/true $CONTACTEMAIL$
            }
            define command {
                command_name check
                command_line /bin/true
            }
            define timeperiod {
                timeperiod_name 24x7
                monday 00:00-24:00
                tuesday 00:00-24:00
                wednesday 00:00-24:00
                thursday 00:00-24:00
                friday 00:00-24:00
                saturday 00:00-24:00
                sunday 00:00-24:00
            }
            define contact {
                name contact-template
                register 0
                host_notification_commands notify-by-email
                service_notification_commands notify-by-email
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_options d,u,r,f,s
                service_notification_options w,u,c,r,f,s
            }
            define contact {
                contact_name admin
                use contact-template
                email admin@example.com
            }
            define host {
                name host-template
                register 0
                check_command check
                max_check_attempts 1
                check_interval 5
                retry_interval 1
                notification_period 24x7
                notification_interval 30
                active_checks_enabled 0
            }
            define service {
                name service-template
                register 0
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                notification_period 24x7
                notification_interval 30
                active_checks_enabled 0
            }
            """;

    final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    final List<Notification> sent = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    final ByteArrayOutputStream echo = new ByteArrayOutputStream();
    final Engine engine;
    final NotifierListener listener;
    NotificationBlockers blockers = NotificationBlockers.NEVER;

    private NotifyHarness(Path dir, String objects, String extraMain) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\ninterval_length=60\n"
                + "illegal_macro_output_chars=`\nuse_timezone=UTC\n" + extraMain);
        Files.writeString(dir.resolve("objects.cfg"), BASE + objects);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        NagiosLog log = new NagiosLog(dir.resolve("nagios.log"), clock,
                new PrintStream(echo, true, StandardCharsets.UTF_8));
        Periods periods = new Periods(config.model().compileTimeperiods(ZoneOffset.UTC, new Diagnostics()));
        Engine[] holder = new Engine[1];
        Consumer<String> logLine = line -> {
            lines.add(line);
            log.log(line);
        };
        NotificationBlockers forwarding = new NotificationBlockers() {
            @Override
            public boolean hostBlocked(String hostName) {
                return blockers.hostBlocked(hostName);
            }

            @Override
            public boolean serviceBlocked(ServiceKey key) {
                return blockers.serviceBlocked(key);
            }

            // pending flexible downtimes come from the engine, as in the daemon
            @Override
            public boolean hostFlexibleDowntimePending(String hostName) {
                return new EngineBlockers(holder[0], clock).hostFlexibleDowntimePending(hostName);
            }

            @Override
            public boolean serviceFlexibleDowntimePending(ServiceKey key) {
                return new EngineBlockers(holder[0], clock).serviceFlexibleDowntimePending(key);
            }
        };
        Notifier notifier = new Notifier(config.model(), periods, () -> holder[0].switches().notificationsEnabled(),
                forwarding,
                NotifierSettings.from(config.mainConfig(), clock.instant()), sent::add, logLine);
        notifier.useNotificationIds(() -> holder[0].eventIds().takeNotificationId()); // as Notifications wires it
        listener = new NotifierListener(notifier, clock);
        CheckExecutor up = request -> new CheckOutcome(new Verdict.Plugin(PluginExit.OK), "UP", null, null,
                clock.instant(), clock.instant(),
                CheckType.ACTIVE, 0);
        engine = new Engine(config.model(), config.mainConfig(), clock, new ManualCheckClock(), runtime -> up, log,
                listener);
        holder[0] = engine;
        listener.bind(engine);
    }

    static NotifyHarness start(Path dir, String objects) throws IOException {
        return new NotifyHarness(dir, objects, "");
    }

    static NotifyHarness start(Path dir, String objects, String extraMain) throws IOException {
        return new NotifyHarness(dir, objects, extraMain);
    }

    CheckTarget host(String name) {
        return engine.hostTarget(name).orElseThrow();
    }

    CheckTarget service(String host, String description) {
        return engine.serviceTarget(new ServiceKey(host, description)).orElseThrow();
    }

    /** Submits a passive result for {@code target} at the current time. */
    void result(CheckTarget target, int code, String output) {
        Instant t = clock.instant();
        Verdict state = target.isHost() ? new Verdict.Host(HostState.ofCode(code))
                : new Verdict.Service(ServiceState.ofCode(code));
        engine.call(() -> engine.submitResult(target, new CheckOutcome(state, output, null, null, t, t,
                CheckType.PASSIVE, 0)));
        idle();
    }

    /** Submits the same result {@code times} times, a minute apart. */
    void results(CheckTarget target, int code, String output, int times) {
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                advance(Duration.ofMinutes(1));
            }
            result(target, code, output);
        }
    }

    void advance(Duration d) {
        clock.now = clock.now.plus(d);
    }

    void at(Instant t) {
        clock.now = t;
    }

    void renotify() {
        engine.call(() -> {
            listener.renotify();
            return null;
        });
    }

    /** Changes the engine-owned status of {@code target} on the engine thread. */
    void change(CheckTarget target, Consumer<CheckableStatus<?>> change) {
        engine.call(() -> {
            change.accept(engine.statusOf(target));
            return null;
        });
    }

    <T> T read(CheckTarget target, java.util.function.Function<CheckableStatus<?>, T> get) {
        return engine.call(() -> get.apply(engine.statusOf(target)));
    }

    int number(CheckTarget t) {
        return read(t, CheckableStatus::currentNotificationNumber);
    }

    long notificationId(CheckTarget t) {
        return read(t, CheckableStatus::currentNotificationId);
    }

    Instant lastNotification(CheckTarget t) {
        return read(t, CheckableStatus::lastNotification);
    }

    Instant nextNotification(CheckTarget t) {
        return read(t, CheckableStatus::nextNotification);
    }

    boolean noMore(CheckTarget t) {
        return read(t, CheckableStatus::noMoreNotifications);
    }

    Notifier.Outcome event(CheckTarget target, Reason reason, String author, String comment, int options) {
        return engine.call(() -> listener.event(target, reason, author, comment,
                NotificationOptions.fromBits(options)));
    }

    /** The notifications sent since the last call, as "contact TYPE number", and forgets them. */
    List<String> taken() {
        List<String> out = engine.call(() -> sent.stream()
                .map(n -> n.contact().name() + " " + n.type() + " " + n.number()).toList());
        engine.call(() -> {
            sent.clear();
            lines.clear();
            return null;
        });
        return out;
    }

    /** The notification log lines since the last call, and forgets them. */
    List<String> takenLines() {
        List<String> out = engine.call(() -> List.copyOf(lines));
        engine.call(() -> {
            lines.clear();
            sent.clear();
            return null;
        });
        return out;
    }

    private void idle() {
        try {
            assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
