package org.vigil.engine.command;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * Freshness as Nagios 4.4.6 checks it: a stale result gets its warning and a forced active check (even with active
 * checks disabled), the object is "being freshened" until that result is in, a passive result arriving meanwhile
 * makes the forced result be discarded, and nothing is checked while freshness checking is off.
 */
class FreshnessScenarioTest {

    private static final String FORCING = ".  I'm forcing an immediate check of the service.";

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private PassiveScenarioTable table;

    @Test
    void aStalePassiveServiceGetsAForcedCheck() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.script.put("fresh", 2);
        table.play("""
                | t   | line                                                        | expect                                                     | log
                | 0   | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;fresh;0;OK - in   | fresh.state=OK/HARD/1 fresh.due=-                          | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;fresh;0;OK - in // PASSIVE SERVICE CHECK: web1;fresh;0;(null)
                | 60  | fresh                                                       | fresh.freshening=off fresh.due=-                           |
                | 62  | fresh                                                       | fresh.freshening=on fresh.due=+62                          | Warning: The results of service 'fresh' on host 'web1' are stale by 0d 0h 0m 2s (threshold=0d 0h 1m 0s)FORCING
                | 63  | fresh                                                       | fresh.freshening=on fresh.due=+62                          |
                | 64  | -                                                           | fresh.state=CRITICAL/HARD/1 fresh.freshening=off fresh.due=- fresh.checks=off | SERVICE ALERT: web1;fresh;CRITICAL;HARD;1;CRITICAL - broken
                | 100 | fresh                                                       | fresh.freshening=off                                       |
                | 100 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;fresh;0;back      | fresh.state=OK/HARD/1                                      | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;fresh;0;back // PASSIVE SERVICE CHECK: web1;fresh;2;CRITICAL - broken // SERVICE ALERT: web1;fresh;OK;HARD;1;back
                | 3761 | fresh                                                      | fresh.freshening=on auto.freshening=on                     | Warning: The results of service 'auto' on host 'web1' are stale by 0d 0h 57m 26s (threshold=0d 0h 5m 15s)FORCING // Warning: The results of service 'fresh' on host 'web1' are stale by 0d 1h 0m 1s (threshold=0d 0h 1m 0s)FORCING
                | 3762 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;fresh;0;in time  | fresh.state=OK/HARD/1 fresh.freshening=on                  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;fresh;0;in time // PASSIVE SERVICE CHECK: web1;fresh;0;back
                | 3763 | -                                                          | fresh.state=OK/HARD/1 fresh.freshening=off auto.freshening=off |
                """.replace("FORCING", FORCING));
    }

    /**
     * No threshold configured: the check interval plus latency plus additional_freshness_latency (15 s), counted
     * from the program start while there is no result (the passive-only 'fresh' goes stale that way too).
     */
    @Test
    void theAutomaticThresholdCountsFromProgramStartBeforeAFirstResult() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.play("""
                | t   | line                                | expect                                            | log
                | 0   | [{now}] DISABLE_SVC_CHECK;web1;auto | auto.checks=off auto.due=-                        | EXTERNAL COMMAND: DISABLE_SVC_CHECK;web1;auto
                | 315 | fresh                               | auto.freshening=off auto.state=PENDING            | Warning: The results of service 'fresh' on host 'web1' are stale by 0d 0h 4m 15s (threshold=0d 0h 1m 0s)FORCING
                | 317 | fresh                               | auto.freshening=on auto.due=+317                  | Warning: The results of service 'auto' on host 'web1' are stale by 0d 0h 0m 2s (threshold=0d 0h 5m 15s)FORCING
                | 317 | -                                   | auto.freshening=off auto.state=OK/HARD/1 auto.due=- |
                """.replace("FORCING", FORCING));
    }

    @Test
    void additionalLatencyAndSwitchedOffFreshness() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\nadditional_freshness_latency=100\n"));
        table.play("""
                | t   | line                                | expect                                            | log
                | 0   | [{now}] DISABLE_SVC_CHECK;web1;auto | auto.checks=off                                   | EXTERNAL COMMAND: DISABLE_SVC_CHECK;web1;auto
                | 400 | fresh                               | auto.freshening=off                               | Warning: The results of service 'fresh' on host 'web1' are stale by 0d 0h 5m 40s (threshold=0d 0h 1m 0s)FORCING
                | 401 | fresh                               | auto.freshening=on                                | Warning: The results of service 'auto' on host 'web1' are stale by 0d 0h 0m 1s (threshold=0d 0h 6m 40s)FORCING
                """.replace("FORCING", FORCING));
        table.close();
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\ncheck_service_freshness=0\n"));
        table.play("""
                | t    | line  | expect                                        | log
                | 5000 | fresh | auto.freshening=off fresh.freshening=off      |
                """);
    }

    @Test
    void hostFreshnessIsOffByDefaultAndForcesAHostCheckWhenOn() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.play("""
                | t  | line                            | expect                           | log
                | 0  | [{now}] DISABLE_HOST_CHECK;gw   | gw.checks=off                    | EXTERNAL COMMAND: DISABLE_HOST_CHECK;gw
                | 40 | hostfresh                       | gw.freshening=off gw.due=-       |
                """);
        table.close();
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\ncheck_host_freshness=1\n"));
        table.script.put("gw", 2);
        table.play("""
                | t  | line                            | expect                           | log
                | 0  | [{now}] DISABLE_HOST_CHECK;gw   | gw.checks=off                    | EXTERNAL COMMAND: DISABLE_HOST_CHECK;gw
                | 30 | hostfresh                       | gw.freshening=off gw.due=-       |
                | 31 | hostfresh                       | gw.freshening=on gw.due=+31      | Warning: The results of host 'gw' are stale by 0d 0h 0m 1s (threshold=0d 0h 0m 30s).  I'm forcing an immediate check of the host.
                | 31 | -                               | gw.freshening=off gw.state=DOWN/SOFT/1 | HOST ALERT: gw;DOWN;SOFT;1;CRITICAL - broken
                """);
    }
}
