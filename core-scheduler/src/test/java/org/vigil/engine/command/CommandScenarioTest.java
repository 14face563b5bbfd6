package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * Commands and check results in sequence on a manual clock, as tables: each row moves the clock to {@code t}
 * seconds after T0, writes {@code line} (or, for {@code -}, runs the checks due by then), and compares
 * the fields named in {@code expect} and the main log lines written since the row before ({@code //}
 * between lines). In lines and fields, {@code {now}} is the row's time and {@code {+N}} is T0 + N seconds;
 * expected times are written {@code +N} too.
 *
 * <p>{@code PASSIVE SERVICE CHECK} lines show the state and output from before the result: nagios4 4.4.6 logs
 * them so (observed: its first one for a service reads {@code ;0;(null)}), and the state machine keeps that.
 */
class CommandScenarioTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Pattern FIELD = Pattern.compile("(\\S+)\\.(\\w+)=(\\S+)");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);
    private final ManualCheckClock checks = new ManualCheckClock();
    private final Map<String, Integer> script = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private Engine engine;
    private Commands commands;
    private int logRead;

    private void start(String extraMain) throws Exception {
        LoadResult config = TestConfigs.load(dir, extraMain);
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

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void passiveResultsAndSwitches() throws Exception {
        start("");
        play("""
                | t  | line                                                                  | expect                                   | log
                | 0  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - down          | http.state=CRITICAL/SOFT/1               | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - down // PASSIVE SERVICE CHECK: web1;http;0;(null) // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;CRIT - down
                | 1  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - still         | http.state=CRITICAL/SOFT/2               | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - still // PASSIVE SERVICE CHECK: web1;http;2;CRIT - down // SERVICE ALERT: web1;http;CRITICAL;SOFT;2;CRIT - still
                | 2  | [{now}] process_service_check_result;web1;http;2;CRIT; again          | http.state=CRITICAL/HARD/3 http.out=CRIT:_again | EXTERNAL COMMAND: process_service_check_result;web1;http;2;CRIT; again // PASSIVE SERVICE CHECK: web1;http;2;CRIT - still // SERVICE ALERT: web1;http;CRITICAL;HARD;3;CRIT: again
                | 3  | [{now}] DISABLE_PASSIVE_SVC_CHECKS;web1;http                          | http.passive=off                         | EXTERNAL COMMAND: DISABLE_PASSIVE_SVC_CHECKS;web1;http
                | 4  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK                   | http.state=CRITICAL/HARD/3               | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK // Error: External command failed -> PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK // External command [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK returned error Command failed (passive results are not accepted for service 'http' on host 'web1' (its passive_checks_enabled or accept_passive_service_checks is off))
                | 5  | [{now}] ENABLE_PASSIVE_SVC_CHECKS;web1;http                           | http.passive=on                          | EXTERNAL COMMAND: ENABLE_PASSIVE_SVC_CHECKS;web1;http
                | 6  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK now\\nline two|t=2 | http.state=OK/HARD/1 http.long=line_two http.perf=t=2 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK now\\nline two|t=2 // PASSIVE SERVICE CHECK: web1;http;2;CRIT: again // SERVICE ALERT: web1;http;OK;HARD;3;OK now
                | 7  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;9;odd code             | disk.state=UNKNOWN/SOFT/1                | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;9;odd code // PASSIVE SERVICE CHECK: web1;disk;0;(null) // SERVICE ALERT: web1;disk;UNKNOWN;SOFT;1;odd code
                | 8  | [{now}] DISABLE_NOTIFICATIONS                                         | program.notify=off                       | EXTERNAL COMMAND: DISABLE_NOTIFICATIONS;
                | 9  | [{now}] DISABLE_SVC_NOTIFICATIONS;web1;http                           | http.notify=off disk.notify=on           | EXTERNAL COMMAND: DISABLE_SVC_NOTIFICATIONS;web1;http
                | 10 | [{now}] ENTER_ACTIVE_MODE                                             | program.notify=on                        | EXTERNAL COMMAND: ENTER_ACTIVE_MODE;
                | 11 | [{now}] DISABLE_HOST_NOTIFICATIONS;web1                               | web1.notify=off                          | EXTERNAL COMMAND: DISABLE_HOST_NOTIFICATIONS;web1
                | 12 | [{now}] PROCESS_HOST_CHECK_RESULT;10.0.0.1;1;host down                | web1.state=DOWN/HARD/1                   | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;10.0.0.1;1;host down // PASSIVE HOST CHECK: web1;0;OK - fine // HOST ALERT: web1;DOWN;HARD;1;host down
                | 13 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;3;x                             | web1.state=DOWN/HARD/1                   | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;3;x // Error: External command failed -> PROCESS_HOST_CHECK_RESULT;web1;3;x // External command [{now}] PROCESS_HOST_CHECK_RESULT;web1;3;x returned error Command failed (host state '3' is not 0 (UP), 1 (DOWN) or 2 (UNREACHABLE))
                | 14 | [{now}] NO_SUCH_THING;web1                                            | web1.state=DOWN/HARD/1                   | Warning: Unrecognized external command -> NO_SUCH_THING;web1 // External command [{now}] NO_SUCH_THING;web1 returned error Unknown or unsupported command (Vigil does not know the command 'NO_SUCH_THING')
                | 15 | PROCESS_HOST_CHECK_RESULT;web1;0;up                                   | web1.state=DOWN/HARD/1                   | External command PROCESS_HOST_CHECK_RESULT;web1;0;up returned error Malformed command (a command line starts with '[timestamp] ')
                | 16 | [{now}] _MY_MODULE_COMMAND;web1                                       | web1.state=DOWN/HARD/1                   | EXTERNAL COMMAND: _MY_MODULE_COMMAND;web1
                """);
    }

    @Test
    void schedulingMovesChecksEarlierUnlessForced() throws Exception {
        start("");
        script.put("disk", 2);
        play("""
                | t  | line                                                   | expect                                  | log
                | 0  | [{now}] SCHEDULE_FORCED_SVC_CHECK;web1;disk;{+100}     | disk.due=+100 disk.next=+100           | EXTERNAL COMMAND: SCHEDULE_FORCED_SVC_CHECK;web1;disk;{+100}
                | 0  | [{now}] SCHEDULE_SVC_CHECK;web1;disk;{+200}            | disk.due=+100                          | EXTERNAL COMMAND: SCHEDULE_SVC_CHECK;web1;disk;{+200}
                | 0  | [{now}] SCHEDULE_SVC_CHECK;web1;disk;{+50}             | disk.due=+50                           | EXTERNAL COMMAND: SCHEDULE_SVC_CHECK;web1;disk;{+50}
                | 10 | [{now}] DISABLE_SVC_CHECK;web1;disk                    | disk.checks=off disk.due=-             | EXTERNAL COMMAND: DISABLE_SVC_CHECK;web1;disk
                | 10 | [{now}] SCHEDULE_SVC_CHECK;web1;disk;{+20}             | disk.due=-                             | EXTERNAL COMMAND: SCHEDULE_SVC_CHECK;web1;disk;{+20}
                | 10 | [{now}] SCHEDULE_FORCED_SVC_CHECK;web1;disk;{+30}      | disk.due=+30 disk.checks=off           | EXTERNAL COMMAND: SCHEDULE_FORCED_SVC_CHECK;web1;disk;{+30}
                | 30 | -                                                      | disk.state=CRITICAL/SOFT/1 disk.due=-  | SERVICE ALERT: web1;disk;CRITICAL;SOFT;1;CRITICAL - broken
                | 40 | [{now}] ENABLE_SVC_CHECK;web1;disk                     | disk.checks=on disk.due=+40            | EXTERNAL COMMAND: ENABLE_SVC_CHECK;web1;disk
                | 40 | -                                                      | disk.state=CRITICAL/SOFT/2 disk.due=+100 | SERVICE ALERT: web1;disk;CRITICAL;SOFT;2;CRITICAL - broken
                | 50 | [{now}] SCHEDULE_HOST_SVC_CHECKS;web1;{+60}            | disk.due=+60                           | EXTERNAL COMMAND: SCHEDULE_HOST_SVC_CHECKS;web1;{+60}
                | 60 | -                                                      | disk.state=CRITICAL/HARD/3 disk.due=+360 | SERVICE ALERT: web1;disk;CRITICAL;HARD;3;CRITICAL - broken
                | 70 | [{now}] SCHEDULE_FORCED_HOST_CHECK;web1;{+80}          | web1.due=+80                           | EXTERNAL COMMAND: SCHEDULE_FORCED_HOST_CHECK;web1;{+80}
                | 70 | [{now}] DISABLE_HOST_CHECK;web1                        | web1.checks=off web1.due=-             | EXTERNAL COMMAND: DISABLE_HOST_CHECK;web1
                | 70 | [{now}] SCHEDULE_HOST_CHECK;web1;{+75}                 | web1.due=-                             | EXTERNAL COMMAND: SCHEDULE_HOST_CHECK;web1;{+75}
                | 70 | [{now}] ENABLE_HOST_CHECK;web1                         | web1.checks=on web1.due=+70            | EXTERNAL COMMAND: ENABLE_HOST_CHECK;web1
                | 80 | [{now}] SCHEDULE_SVC_CHECK;web1;disk;abc               | disk.due=+360                          | EXTERNAL COMMAND: SCHEDULE_SVC_CHECK;web1;disk;abc // Error: External command failed -> SCHEDULE_SVC_CHECK;web1;disk;abc // External command [{now}] SCHEDULE_SVC_CHECK;web1;disk;abc returned error Command failed (time 'abc' is not a number of seconds since 1970)
                """);
    }

    @Test
    void logSwitchesAreNagios() throws Exception {
        start("log_external_commands=0\nlog_passive_checks=0\n");
        play("""
                | t | line                                                  | expect                     | log
                | 0 | [{now}] DISABLE_SVC_NOTIFICATIONS;web1;http           | http.notify=off            |
                | 1 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;1;warn | http.state=WARNING/SOFT/1  | SERVICE ALERT: web1;http;WARNING;SOFT;1;warn
                | 2 | [{now}] DISABLE_SVC_CHECK;web1;nosvc                  | http.checks=on             | Error: External command failed -> DISABLE_SVC_CHECK;web1;nosvc // External command [{now}] DISABLE_SVC_CHECK;web1;nosvc returned error Command failed (no service 'nosvc' on host 'web1')
                """);
    }

    @Test
    void commandsFromInsideVigilSayWhetherTheyWereCarriedOut() throws Exception {
        start("");
        assertThat(commands.call(ExternalCommand.of(CommandType.DISABLE_SVC_CHECK, T0, "web1", "http"))).isEmpty();
        assertThat(engine.call(() -> status("http").activeChecksEnabled())).isFalse();
        assertThat(commands.submit(ExternalCommand.of(CommandType.ENABLE_SVC_CHECK, T0, "web1", "nosvc")).get())
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("no service 'nosvc' on host 'web1'"));
        assertThat(newLog()).containsExactly("EXTERNAL COMMAND: DISABLE_SVC_CHECK;web1;http",
                "EXTERNAL COMMAND: ENABLE_SVC_CHECK;web1;nosvc",
                "Error: External command failed -> ENABLE_SVC_CHECK;web1;nosvc",
                "External command [" + T0.getEpochSecond() + "] ENABLE_SVC_CHECK;web1;nosvc returned error Command "
                        + "failed (no service 'nosvc' on host 'web1')");
    }

    private void play(String table) throws Exception {
        List<List<String>> rows = table.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(l -> List.of(l.substring(1).split(" \\| |\\|$", -1)).stream().map(String::strip).toList())
                .toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            Instant at = T0.plusSeconds(Long.parseLong(row.get(0)));
            clock.set(at);
            newLog();
            if (row.get(1).equals("-")) {
                checks.advanceTo(at);
                assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
            } else {
                commands.submitLine(fill(row.get(1), at));
                assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
            }
            String expect = fill(row.get(2), at);
            String log = fill(row.size() > 3 ? row.get(3) : "", at);
            String actual = engine.call(() -> render(expect));
            assertThat(actual + " | " + String.join(" // ", newLog()))
                    .as("row t=%s: %s", row.get(0), row.get(1))
                    .isEqualTo(expect + " | " + log);
        }
    }

    /** The fields {@code expect} names, rendered from the engine as the table writes them; engine thread. */
    private String render(String expect) {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(expect);
        while (m.find()) {
            String object = m.group(1);
            String field = m.group(2);
            if (object.equals("program")) {
                out.add("program.notify=" + onOff(engine.notificationsEnabled()));
                continue;
            }
            CheckTarget t = object.equals("web1") ? engine.hostTarget("web1").orElseThrow()
                    : engine.serviceTarget(new ServiceKey("web1", object)).orElseThrow();
            CheckableStatus<?> s = engine.statusOf(t);
            String value = switch (field) {
                case "state" -> s.currentState() + "/" + s.stateType() + "/" + s.currentAttempt();
                case "out" -> s.pluginOutput().replace(' ', '_');
                case "long" -> s.longPluginOutput().replace(' ', '_');
                case "perf" -> s.perfData();
                case "passive" -> onOff(s.passiveChecksEnabled());
                case "notify" -> onOff(s.notificationsEnabled());
                case "checks" -> onOff(s.activeChecksEnabled());
                case "next" -> "+" + (s.nextCheck().getEpochSecond() - T0.getEpochSecond());
                case "due" -> checks.dueTime(t.id()).map(d -> "+" + (d.getEpochSecond() - T0.getEpochSecond()))
                        .orElse("-");
                default -> throw new IllegalArgumentException(field);
            };
            out.add(object + "." + field + "=" + value);
        }
        return String.join(" ", out);
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

    private CheckableStatus<?> status(String service) {
        return engine.statusOf(engine.serviceTarget(new ServiceKey("web1", service)).orElseThrow());
    }

    /** The log lines written since the last call, without their timestamps. */
    private List<String> newLog() {
        String all = logged.toString(StandardCharsets.UTF_8);
        String fresh = all.substring(logRead);
        logRead = all.length();
        return fresh.lines().map(l -> l.replaceFirst("^\\[\\d+] ", "")).toList();
    }

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void set(Instant t) {
            now = t;
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
}
