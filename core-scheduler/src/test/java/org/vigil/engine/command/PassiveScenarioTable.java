package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.CheckExecutor;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;

/**
 * A scenario table for passive checks, freshness and event handlers: the engine on a manual clock with scripted
 * active results, the real command parser, and real event handler processes. Each row moves the clock to
 * {@code t} seconds after T0 and does one thing: a command line, {@code -} (run the checks due by then),
 * {@code fresh}/{@code hostfresh} (one freshness pass); then compares the fields named in {@code expect} and the
 * log lines written since the row before ({@code //} between lines, handler timeouts included, as the row waits for
 * running handlers). {@code {now}} and {@code {+N}} are times; expected times are written {@code +N}.
 *
 * <p>Hosts {@code gw} ({@code check_freshness 1}, threshold 30 s) and {@code web1} (parent gw, in hostgroup {@code webs}); services of web1: {@code http}
 * (event handler {@code handler!http}), {@code disk}, {@code fresh} (passive only, {@code check_freshness 1},
 * threshold 60 s) and {@code auto} (check_freshness with the automatic threshold); servicegroup {@code sg} = disk.
 */
final class PassiveScenarioTable implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Pattern FIELD = Pattern.compile("(\\S+)\\.(\\w+)=(\\S+)");

    static final String OBJECTS = """
            define command {
                command_name check
                command_line /bin/true
            }
            define command {
                command_name handler
                command_line /bin/sh DIR/handler.sh DIR/$ARG1$.out $HOSTNAME$ $SERVICEDESC$ $SERVICESTATE$ $SERVICESTATEID$ $SERVICESTATETYPE$ $SERVICEATTEMPT$ $SERVICEOUTPUT$
            }
            define command {
                command_name host-handler
                command_line /bin/sh DIR/handler.sh DIR/$ARG1$.out $HOSTNAME$ $HOSTSTATE$ $HOSTSTATETYPE$ $HOSTATTEMPT$
            }
            define command {
                command_name slow
                command_line /bin/sleep 5
            }
            define contact {
                contact_name admin
                host_notification_commands check
                service_notification_commands check
            }
            define host {
                host_name gw
                address 10.0.0.254
                check_command check
                check_freshness 1
                freshness_threshold 30
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define host {
                host_name web1
                parents gw
                address 10.0.0.1
                check_command check
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
                event_handler host-handler!host
            }
            define hostgroup {
                hostgroup_name webs
                members web1
            }
            define service {
                host_name web1
                service_description http
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
                event_handler handler!http
            }
            define service {
                host_name web1
                service_description disk
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define service {
                host_name web1
                service_description fresh
                check_command check
                max_check_attempts 1
                check_interval 5
                retry_interval 1
                active_checks_enabled 0
                check_freshness 1
                freshness_threshold 60
                contacts admin
            }
            define service {
                host_name web1
                service_description auto
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                check_freshness 1
                contacts admin
            }
            define servicegroup {
                servicegroup_name sg
                members web1,disk
            }
            """;

    private final Path dir;
    final CommandScenarioTest.TestClock clock = new CommandScenarioTest.TestClock(T0);
    final ManualCheckClock checks = new ManualCheckClock();
    /** Scripted active results by host name or service description: the return code. */
    final Map<String, Integer> script = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    Engine engine;
    private Commands commands;
    private int logRead;

    PassiveScenarioTable(Path dir, String extraMain) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("handler.sh"), "f=$1\nshift\necho \"$*\" >> \"$f\"\n");
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\ninterval_length=60\n"
                + "log_service_retries=1\nuse_timezone=UTC\n" + extraMain);
        Files.writeString(dir.resolve("objects.cfg"), OBJECTS.replace("DIR", dir.toString()));
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        NagiosLog log = new NagiosLog(null, clock, new PrintStream(logged, true, StandardCharsets.UTF_8));
        CheckExecutor executor = request -> {
            CheckTarget t = request.target();
            int code = script.getOrDefault(t.isHost() ? t.hostName() : t.service().description(), 0);
            Instant now = clock.instant();
            return new CheckOutcome(code, code == 0 ? "OK - fine" : "CRITICAL - broken", null, null, now, now,
                    CheckType.ACTIVE, 0);
        };
        engine = new Engine(config.model(), config.mainConfig(), clock, checks, runtime -> executor, log,
                EngineListener.NONE);
        engine.start();
        commands = new Commands(engine, config.mainConfig(), log, clock);
    }

    /** The lines a handler wrote into {@code name.out}, in order. */
    List<String> handlerOutput(String name) throws IOException {
        Path f = dir.resolve(name + ".out");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    void play(String table) throws Exception {
        List<List<String>> rows = table.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(l -> List.of(l.substring(1).split(" \\| |\\|$", -1)).stream().map(String::strip).toList())
                .toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            Instant at = T0.plusSeconds(Long.parseLong(row.get(0)));
            clock.set(at);
            newLog();
            switch (row.get(1)) {
                case "-" -> checks.advanceTo(at);
                case "fresh" -> engine.submit(engine::checkServiceFreshness);
                case "hostfresh" -> engine.submit(engine::checkHostFreshness);
                default -> commands.submitLine(fill(row.get(1), at));
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(engine.awaitEventHandlers(Duration.ofSeconds(10))).isTrue();
            String expect = fill(row.get(2), at);
            String log = fill(row.size() > 3 ? row.get(3) : "", at);
            String actual = engine.call(() -> render(expect));
            assertThat(actual + " | " + String.join(" // ", newLog()))
                    .as("row t=%s: %s", row.get(0), row.get(1))
                    .isEqualTo(expect + " | " + log);
        }
    }

    private String render(String expect) {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(expect);
        while (m.find()) {
            String object = m.group(1);
            String field = m.group(2);
            String value = object.equals("program") ? program(field) : field(object, field);
            out.add(object + "." + field + "=" + value);
        }
        return String.join(" ", out);
    }

    private String program(String field) {
        return switch (field) {
            case "svcchecks" -> onOff(engine.executeServiceChecks());
            case "hostchecks" -> onOff(engine.executeHostChecks());
            case "svcpassive" -> onOff(engine.acceptPassiveServiceChecks());
            case "hostpassive" -> onOff(engine.acceptPassiveHostChecks());
            case "handlers" -> onOff(engine.eventHandlersEnabled());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private String field(String object, String field) {
        CheckTarget t = object.equals("web1") || object.equals("gw") ? engine.hostTarget(object).orElseThrow()
                : engine.serviceTarget(new ServiceKey("web1", object)).orElseThrow();
        CheckableStatus<?> s = engine.statusOf(t);
        return switch (field) {
            case "state" -> s.hasBeenChecked() ? s.currentState() + "/" + s.stateType() + "/" + s.currentAttempt()
                    : "PENDING";
            case "passive" -> onOff(s.passiveChecksEnabled());
            case "notify" -> onOff(s.notificationsEnabled());
            case "checks" -> onOff(s.activeChecksEnabled());
            case "handler" -> onOff(s.eventHandlerEnabled());
            case "freshening" -> onOff(engine.isBeingFreshened(t));
            case "due" -> checks.dueTime(t.id()).map(d -> "+" + (d.getEpochSecond() - T0.getEpochSecond()))
                    .orElse("-");
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    private static String fill(String s, Instant now) {
        Matcher m = Pattern.compile("\\{\\+(\\d+)}").matcher(s.replace("{now}", Long.toString(now.getEpochSecond())));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Long.toString(T0.getEpochSecond() + Long.parseLong(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The log lines written since the last call, without their timestamps. */
    List<String> newLog() {
        String all = logged.toString(StandardCharsets.UTF_8);
        String fresh = all.substring(logRead);
        logRead = all.length();
        return fresh.lines().map(l -> l.replaceFirst("^\\[\\d+] ", "")).toList();
    }

    @Override
    public void close() {
        engine.close();
    }
}
