package org.vigil.engine.command;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * Passive results through the command file and the soft/hard logic: services count attempts like active checks;
 * hosts are HARD at once unless {@code passive_host_checks_are_soft}; {@code translate_passive_host_checks} turns
 * a passive DOWN into UNREACHABLE behind a down parent. Program-wide passive switches by command.
 */
class PassiveChecksScenarioTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private PassiveScenarioTable table;

    @Test
    void passiveServiceResultsGoSoftThenHardLikeActiveOnes() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.play("""
                | t  | line                                                        | expect                     | log
                | 0  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 80% | disk.state=WARNING/SOFT/1  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 80% // PASSIVE SERVICE CHECK: web1;disk;0;(null) // SERVICE ALERT: web1;disk;WARNING;SOFT;1;WARN - 80%
                | 10 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 81% | disk.state=WARNING/SOFT/2  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 81% // PASSIVE SERVICE CHECK: web1;disk;1;WARN - 80% // SERVICE ALERT: web1;disk;WARNING;SOFT;2;WARN - 81%
                | 20 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 82% | disk.state=WARNING/HARD/3  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 82% // PASSIVE SERVICE CHECK: web1;disk;1;WARN - 81% // SERVICE ALERT: web1;disk;WARNING;HARD;3;WARN - 82%
                | 30 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 83% | disk.state=WARNING/HARD/3  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARN - 83% // PASSIVE SERVICE CHECK: web1;disk;1;WARN - 82%
                | 40 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;0;OK - 10%   | disk.state=OK/HARD/1       | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;0;OK - 10% // PASSIVE SERVICE CHECK: web1;disk;1;WARN - 83% // SERVICE ALERT: web1;disk;OK;HARD;3;OK - 10%
                """);
    }

    @Test
    void passiveHostResultsAreHardByDefault() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.play("""
                | t  | line                                                  | expect                 | log
                | 0  | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down         | web1.state=DOWN/HARD/1 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;(null) // HOST ALERT: web1;DOWN;HARD;1;down
                | 10 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;still down   | web1.state=DOWN/HARD/1 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;still down // PASSIVE HOST CHECK: web1;1;down
                | 20 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up           | web1.state=UP/HARD/1   | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up // PASSIVE HOST CHECK: web1;1;still down // HOST ALERT: web1;UP;HARD;1;up
                """);
    }

    @Test
    void passiveHostResultsCountAttemptsWhenSoft() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "passive_host_checks_are_soft=1\nlog_event_handlers=0\n"));
        table.play("""
                | t  | line                                                  | expect                 | log
                | 0  | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down         | web1.state=DOWN/SOFT/1 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;(null) // HOST ALERT: web1;DOWN;SOFT;1;down
                | 10 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;still down   | web1.state=DOWN/HARD/2 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;still down // PASSIVE HOST CHECK: web1;1;down // HOST ALERT: web1;DOWN;HARD;2;still down
                | 20 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up           | web1.state=UP/HARD/1   | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up // PASSIVE HOST CHECK: web1;1;still down // HOST ALERT: web1;UP;HARD;1;up
                """);
    }

    @Test
    void translatedPassiveResultsBehindADownParentAreUnreachable() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "translate_passive_host_checks=1\nlog_event_handlers=0\n"
                + "execute_host_checks=0\n"));
        table.play("""
                | t  | line                                            | expect                        | log
                | 0  | [{now}] PROCESS_HOST_CHECK_RESULT;gw;1;gw down  | gw.state=DOWN/HARD/1          | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;gw;1;gw down // PASSIVE HOST CHECK: gw;0;(null) // HOST ALERT: gw;DOWN;HARD;1;gw down
                | 10 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down   | web1.state=UNREACHABLE/HARD/1 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;(null) // HOST ALERT: web1;UNREACHABLE;HARD;1;down
                """);
    }

    @Test
    void untranslatedPassiveResultsKeepTheirState() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\nexecute_host_checks=0\n"));
        table.play("""
                | t  | line                                            | expect                 | log
                | 0  | [{now}] PROCESS_HOST_CHECK_RESULT;gw;1;gw down  | gw.state=DOWN/HARD/1   | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;gw;1;gw down // PASSIVE HOST CHECK: gw;0;(null) // HOST ALERT: gw;DOWN;HARD;1;gw down
                | 10 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down   | web1.state=DOWN/HARD/1 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;(null) // HOST ALERT: web1;DOWN;HARD;1;down
                """);
    }

    @Test
    void programAndHostPassiveSwitches() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.play("""
                | t | line                                                  | expect                                   | log
                | 0 | [{now}] STOP_ACCEPTING_PASSIVE_SVC_CHECKS              | program.svcpassive=off                   | EXTERNAL COMMAND: STOP_ACCEPTING_PASSIVE_SVC_CHECKS;
                | 1 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;x    | disk.state=PENDING                       | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;x // Error: External command failed -> PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;x // External command [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;x returned error Command failed (passive results are not accepted for service 'disk' on host 'web1' (its passive_checks_enabled or accept_passive_service_checks is off))
                | 2 | [{now}] START_ACCEPTING_PASSIVE_SVC_CHECKS             | program.svcpassive=on                    | EXTERNAL COMMAND: START_ACCEPTING_PASSIVE_SVC_CHECKS;
                | 3 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;x    | disk.state=CRITICAL/SOFT/1 web1.state=UP/HARD/1 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;x // PASSIVE SERVICE CHECK: web1;disk;0;(null) // SERVICE ALERT: web1;disk;CRITICAL;SOFT;1;x
                | 4 | [{now}] DISABLE_PASSIVE_HOST_CHECKS;web1              | web1.passive=off                         | EXTERNAL COMMAND: DISABLE_PASSIVE_HOST_CHECKS;web1
                | 5 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down         | web1.state=UP/HARD/1                     | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // Error: External command failed -> PROCESS_HOST_CHECK_RESULT;web1;1;down // External command [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down returned error Command failed (passive results are not accepted for host 'web1' (its passive_checks_enabled or accept_passive_host_checks is off))
                | 6 | [{now}] ENABLE_PASSIVE_HOST_CHECKS;web1               | web1.passive=on                          | EXTERNAL COMMAND: ENABLE_PASSIVE_HOST_CHECKS;web1
                | 7 | [{now}] STOP_ACCEPTING_PASSIVE_HOST_CHECKS            | program.hostpassive=off web1.passive=on  | EXTERNAL COMMAND: STOP_ACCEPTING_PASSIVE_HOST_CHECKS;
                | 8 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down         | web1.state=UP/HARD/1                     | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // Error: External command failed -> PROCESS_HOST_CHECK_RESULT;web1;1;down // External command [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down returned error Command failed (passive results are not accepted for host 'web1' (its passive_checks_enabled or accept_passive_host_checks is off))
                | 9 | [{now}] START_ACCEPTING_PASSIVE_HOST_CHECKS           | program.hostpassive=on                   | EXTERNAL COMMAND: START_ACCEPTING_PASSIVE_HOST_CHECKS;
                """);
    }
}
