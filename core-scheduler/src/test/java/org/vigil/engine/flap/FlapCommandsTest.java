package org.vigil.engine.flap;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * ENABLE/DISABLE_FLAP_DETECTION, globally and per object, as Nagios 4.4's flapping.c carries them out:
 * disabling a flapping object ends its flapping (DISABLED line, comment deleted, FLAPPINGDISABLED), the percent
 * keeps being computed while detection is off, and enabling checks the object against its history at once.
 */
class FlapCommandsTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private FlapHarness h;

    private static final String FLAP_IN = """
            | t | line                                                    | expect               | log
            | 1 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down  | flappy.pct=6.25      | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;(null) // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
            | 2 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up    | flappy.pct=12.37     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE ALERT: web1;flappy;OK;HARD;1;up
            | 3 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down  | flappy.pct=18.36     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
            | 4 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up    | flappy.pct=24.21     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE ALERT: web1;flappy;OK;HARD;1;up
            | 5 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down  | flappy.pct=29.93     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
            """;

    @Test
    void objectSwitches() throws Exception {
        h = closing.add(new FlapHarness(dir, FlapScenarioTest.OBJECTS, "enable_flap_detection=1\n"));
        h.play(FLAP_IN);
        h.play("""
                | t  | line                                                   | expect                                                         | log
                | 6  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up  | flappy.flapping=on flappy.comment=35.5%_change_>=_30.0%_threshold program.told=FLAPPINGSTART:flappy:35.5>=30.0 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE FLAPPING ALERT: web1;flappy;STARTED; Service appears to have started flapping (35.5% change >= 30.0% threshold) // SERVICE ALERT: web1;flappy;OK;HARD;1;up
                | 7  | [{now}] DISABLE_SVC_FLAP_DETECTION;web1;flappy         | flappy.detect=off flappy.flapping=off flappy.comment=- flappy.pct=35.53 program.told=FLAPPINGDISABLED:flappy | EXTERNAL COMMAND: DISABLE_SVC_FLAP_DETECTION;web1;flappy // SERVICE FLAPPING ALERT: web1;flappy;DISABLED; Flap detection has been disabled
                | 8  | [{now}] DISABLE_SVC_FLAP_DETECTION;web1;flappy         | flappy.detect=off program.told=-                               | EXTERNAL COMMAND: DISABLE_SVC_FLAP_DETECTION;web1;flappy
                | 9  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down | flappy.pct=40.99 flappy.flapping=off program.told=-           | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
                | 10 | [{now}] ENABLE_SVC_FLAP_DETECTION;web1;flappy          | flappy.detect=on flappy.pct=40.99 flappy.flapping=on flappy.comment=41.0%_change_>=_30.0%_threshold program.told=FLAPPINGSTART:flappy:41.0>=30.0 | EXTERNAL COMMAND: ENABLE_SVC_FLAP_DETECTION;web1;flappy // SERVICE FLAPPING ALERT: web1;flappy;STARTED; Service appears to have started flapping (41.0% change >= 30.0% threshold)
                | 11 | [{now}] DISABLE_HOST_FLAP_DETECTION;web1               | web1.detect=off web1.flapping=off program.told=-               | EXTERNAL COMMAND: DISABLE_HOST_FLAP_DETECTION;web1
                | 12 | [{now}] ENABLE_HOST_FLAP_DETECTION;web1                | web1.detect=on web1.pct=0.00 program.told=-                    | EXTERNAL COMMAND: ENABLE_HOST_FLAP_DETECTION;web1
                | 13 | [{now}] ENABLE_SVC_FLAP_DETECTION;web1;nosuch          | flappy.detect=on                                               | EXTERNAL COMMAND: ENABLE_SVC_FLAP_DETECTION;web1;nosuch // Error: External command failed -> ENABLE_SVC_FLAP_DETECTION;web1;nosuch // External command [{now}] ENABLE_SVC_FLAP_DETECTION;web1;nosuch returned error Command failed (no service 'nosuch' on host 'web1')
                """);
    }

    @Test
    void programSwitch() throws Exception {
        h = closing.add(new FlapHarness(dir, FlapScenarioTest.OBJECTS, "enable_flap_detection=1\n"));
        h.play(FLAP_IN);
        h.play("""
                | t  | line                                                   | expect                                                         | log
                | 6  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up  | flappy.flapping=on program.told=FLAPPINGSTART:flappy:35.5>=30.0 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE FLAPPING ALERT: web1;flappy;STARTED; Service appears to have started flapping (35.5% change >= 30.0% threshold) // SERVICE ALERT: web1;flappy;OK;HARD;1;up
                | 7  | [{now}] DISABLE_FLAP_DETECTION                         | program.detect=off flappy.detect=on flappy.flapping=off flappy.comment=- program.told=FLAPPINGDISABLED:flappy | EXTERNAL COMMAND: DISABLE_FLAP_DETECTION; // SERVICE FLAPPING ALERT: web1;flappy;DISABLED; Flap detection has been disabled
                | 8  | [{now}] DISABLE_FLAP_DETECTION                         | program.detect=off program.told=-                              | EXTERNAL COMMAND: DISABLE_FLAP_DETECTION;
                | 9  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down | flappy.pct=40.99 flappy.flapping=off                          | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
                | 10 | [{now}] ENABLE_FLAP_DETECTION                          | program.detect=on flappy.flapping=on flappy.comment=41.0%_change_>=_30.0%_threshold program.told=FLAPPINGSTART:flappy:41.0>=30.0 | EXTERNAL COMMAND: ENABLE_FLAP_DETECTION; // SERVICE FLAPPING ALERT: web1;flappy;STARTED; Service appears to have started flapping (41.0% change >= 30.0% threshold)
                """);
    }

    @Test
    void offByDefaultAsInNagios() throws Exception {
        h = closing.add(new FlapHarness(dir, FlapScenarioTest.OBJECTS, ""));
        h.play(FLAP_IN);
        h.play("""
                | t  | line                                                   | expect                                                   | log
                | 6  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up  | program.detect=off flappy.pct=35.53 flappy.flapping=off program.told=- | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE ALERT: web1;flappy;OK;HARD;1;up
                """);
    }
}
