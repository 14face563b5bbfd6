package org.vigil.engine.flap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history, the percent and the switches survive a restart, and each object is checked against its
 * retained history when state is read, as nagios4 4.4.6 does (observed): a service still flapping logs STARTED
 * again with a new comment but no notification; one that no longer is (thresholds changed) is silent.
 */
class FlapRestartTest {

    @TempDir
    Path dir;

    private static final String FLAP_IN = """
            | t | line                                                    | expect            | log
            | 1 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down  | flappy.pct=6.25   | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;(null) // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
            | 2 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up    | flappy.pct=12.37  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE ALERT: web1;flappy;OK;HARD;1;up
            | 3 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down  | flappy.pct=18.36  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
            | 4 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up    | flappy.pct=24.21  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE ALERT: web1;flappy;OK;HARD;1;up
            | 5 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down  | flappy.pct=29.93  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
            | 6 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up    | flappy.flapping=on flappy.comment=35.5%_change_>=_30.0%_threshold | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE FLAPPING ALERT: web1;flappy;STARTED; Service appears to have started flapping (35.5% change >= 30.0% threshold) // SERVICE ALERT: web1;flappy;OK;HARD;1;up
            | 7 | [{now}] DISABLE_HOST_FLAP_DETECTION;web1                 | web1.detect=off   | EXTERNAL COMMAND: DISABLE_HOST_FLAP_DETECTION;web1
            """;

    @Test
    void aFlappingServiceIsStillFlappingAfterARestartAndGoesOnFromItsHistory() throws Exception {
        long commentId;
        try (FlapHarness before = new FlapHarness(dir, FlapScenarioTest.OBJECTS, "enable_flap_detection=1\n", true)) {
            before.play(FLAP_IN);
            commentId = before.engine.call(() -> before.engine.flapDetection().commentId(before.target("flappy")));
        }
        try (FlapHarness after = new FlapHarness(dir, FlapScenarioTest.OBJECTS, "enable_flap_detection=1\n", true)) {
            // observed with nagios4 4.4.6: STARTED is logged again and a new comment replaces the retained one,
            // but no FLAPPINGSTART notification goes out (checked by program.told below)
            assertThat(after.newLog()).containsSubsequence("SERVICE FLAPPING ALERT: web1;flappy;STARTED; Service "
                    + "appears to have started flapping (35.5% change >= 30.0% threshold)");
            long newId = after.engine.call(() -> after.engine.flapDetection().commentId(after.target("flappy")));
            assertThat(newId).isNotZero().isNotEqualTo(commentId);
            assertThat(after.engine.call(() -> after.engine.entries())).extracting(e -> e.id()).containsExactly(newId);
            after.play("""
                    | t  | line                                                  | expect                                                                  | log
                    | 20 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up | flappy.pct=34.74 flappy.flapping=on flappy.comment=35.5%_change_>=_30.0%_threshold web1.detect=off program.told=- | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                    | 21 | [{now}] DISABLE_FLAP_DETECTION                        | program.detect=off flappy.flapping=off flappy.comment=-                 | EXTERNAL COMMAND: DISABLE_FLAP_DETECTION; // SERVICE FLAPPING ALERT: web1;flappy;DISABLED; Flap detection has been disabled
                    """);
        }
        try (FlapHarness again = new FlapHarness(dir, FlapScenarioTest.OBJECTS, "enable_flap_detection=1\n", true)) {
            // the program switch is retained over the config, as Nagios's use_retained_program_state does
            again.play("""
                    | t  | line                                                  | expect                                          | log
                    | 30 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up | program.detect=off flappy.pct=33.95 flappy.flapping=off | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                    """);
        }
    }

    @Test
    void aRestartWithHigherThresholdsEndsTheFlappingWhenStateIsRead() throws Exception {
        try (FlapHarness before = new FlapHarness(dir, FlapScenarioTest.OBJECTS, "enable_flap_detection=1\n", true)) {
            before.play(FLAP_IN);
        }
        String higher = FlapScenarioTest.OBJECTS.replace("low_flap_threshold 29", "low_flap_threshold 36")
                .replace("high_flap_threshold 30", "high_flap_threshold 40");
        try (FlapHarness after = new FlapHarness(dir, higher, "enable_flap_detection=1\n", true)) {
            // the retained is_flapping only means "was flapping": below the new thresholds the service is simply
            // not flapping, with nothing logged (no STOPPED) and its comment gone
            assertThat(after.newLog()).noneMatch(l -> l.contains("FLAPPING"));
            after.play("""
                    | t  | line                                                  | expect                                                   | log
                    | 20 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up | flappy.pct=34.74 flappy.flapping=off flappy.comment=- program.told=- | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                    """);
        }
    }
}
