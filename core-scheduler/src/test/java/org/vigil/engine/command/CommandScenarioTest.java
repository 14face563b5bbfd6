package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.Engine;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.Fields;
import org.vigil.engine.testkit.ScenarioTable;
import org.vigil.engine.testkit.TestConfig;

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

    @TempDir
    Path dir;

    private EngineFixture fx;
    private Engine engine;
    private Commands commands;

    private void start(String extraMain) throws Exception {
        fx = EngineFixture.on(TestConfig.load(dir, extraMain, TestConfig.WEB1), T0).start();
        engine = fx.engine;
        commands = fx.commands;
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
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
        fx.script.put("disk", 2);
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
        assertThat(engine.call(() -> fx.status("http").activeChecksEnabled())).isFalse();
        assertThat(commands.submit(ExternalCommand.of(CommandType.ENABLE_SVC_CHECK, T0, "web1", "nosvc")).get())
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("no service 'nosvc' on host 'web1'"));
        assertThat(fx.log.newLines()).containsExactly("EXTERNAL COMMAND: DISABLE_SVC_CHECK;web1;http",
                "EXTERNAL COMMAND: ENABLE_SVC_CHECK;web1;nosvc",
                "Error: External command failed -> ENABLE_SVC_CHECK;web1;nosvc",
                "External command [" + T0.getEpochSecond() + "] ENABLE_SVC_CHECK;web1;nosvc returned error Command "
                        + "failed (no service 'nosvc' on host 'web1')");
    }

    /** Each row writes its line, or with {@code -} runs the checks due by then. */
    private void play(String table) throws Exception {
        Fields fields = new Fields(fx, T0);
        new ScenarioTable(fx, T0).play(table, (line, at) -> {
            if (line.equals("-")) {
                fx.checks.advanceTo(at);
            } else {
                commands.submitLine(ScenarioTable.fill(line, at, T0));
            }
            fx.awaitIdle();
        }, expect -> fields.render(expect, program -> Fields.onOff(engine.switches().notificationsEnabled()),
                (t, f) -> null));
    }
}
