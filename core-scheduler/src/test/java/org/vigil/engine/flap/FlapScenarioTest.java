package org.vigil.engine.flap;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.testkit.CloseAfterEach;
import org.vigil.engine.testkit.TestConfig;

/**
 * Result sequences into and out of flapping, with the percent after every result (worked out by hand, see
 * {@link StateHistoryTest}), the log lines in Nagios's order (flapping before the alert), the flapping comment
 * and what the notifier is told.
 */
class FlapScenarioTest {

    static final String OBJECTS = TestConfig.CHECK_AND_ADMIN + """
            define host {
                host_name web1
                address 10.0.0.1
                check_command check
                max_check_attempts 1
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define service {
                host_name web1
                service_description flappy
                check_command check
                max_check_attempts 1
                check_interval 5
                retry_interval 1
                contacts admin
                low_flap_threshold 29
                high_flap_threshold 30
            }
            define service {
                host_name web1
                service_description http
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define service {
                host_name web1
                service_description okonly
                check_command check
                max_check_attempts 1
                check_interval 5
                retry_interval 1
                contacts admin
                flap_detection_options o
            }
            """;

    @TempDir
    Path dir;
    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private FlapHarness h;

    @Test
    void serviceStartsAndStopsFlappingWithItsOwnThresholds() throws Exception {
        h = closing.add(new FlapHarness(dir, OBJECTS, "enable_flap_detection=1\n"));
        h.play("""
                | t  | line                                                        | expect                                                                | log
                | 1  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down     | flappy.state=CRITICAL/HARD/1 flappy.pct=6.25 flappy.flapping=off       | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;(null) // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
                | 2  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=12.37 flappy.flapping=off                                   | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE ALERT: web1;flappy;OK;HARD;1;up
                | 3  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down     | flappy.pct=18.36 flappy.flapping=off                                   | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
                | 4  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=24.21 flappy.flapping=off                                   | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE ALERT: web1;flappy;OK;HARD;1;up
                | 5  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down     | flappy.pct=29.93 flappy.flapping=off flappy.comment=- program.told=-  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
                | 6  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=35.53 flappy.flapping=on flappy.comment=35.5%_change_>=_30.0%_threshold program.told=FLAPPINGSTART:flappy:35.5>=30.0 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;2;down // SERVICE FLAPPING ALERT: web1;flappy;STARTED; Service appears to have started flapping (35.5% change >= 30.0% threshold) // SERVICE ALERT: web1;flappy;OK;HARD;1;up
                | 7  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=34.74 flappy.flapping=on                                    | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 8  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=33.95 flappy.flapping=on                                    | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 9  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=33.16                                                      | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 10 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=32.37                                                      | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 11 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=31.58                                                      | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 12 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=30.79                                                      | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 13 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=30.00 flappy.flapping=on                                    | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 14 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=29.21 flappy.flapping=on program.told=-                    | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up
                | 15 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up       | flappy.pct=28.42 flappy.flapping=off flappy.comment=- program.told=FLAPPINGSTOP:flappy:28.4<29.0 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;0;up // PASSIVE SERVICE CHECK: web1;flappy;0;up // SERVICE FLAPPING ALERT: web1;flappy;STOPPED; Service appears to have stopped flapping (28.4% change < 29.0% threshold)
                """);
    }

    @Test
    void softProblemsAreNotRecordedButSoftRecoveriesAre() throws Exception {
        h = closing.add(new FlapHarness(dir, OBJECTS, "enable_flap_detection=1\n"));
        h.play("""
                | t | line                                                     | expect                                      | log
                | 1 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down     | http.state=CRITICAL/SOFT/1 http.pct=0.00     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;0;(null) // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;down
                | 2 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;up       | http.state=OK/HARD/1 http.pct=0.00           | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;0;up // PASSIVE SERVICE CHECK: web1;http;2;down // SERVICE ALERT: web1;http;OK;SOFT;2;up
                | 3 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down     | http.state=CRITICAL/SOFT/1 http.pct=0.00     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;0;up // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;down
                | 4 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down     | http.state=CRITICAL/SOFT/2 http.pct=0.00     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;2;down // SERVICE ALERT: web1;http;CRITICAL;SOFT;2;down
                | 5 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down     | http.state=CRITICAL/HARD/3 http.pct=6.25     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;2;down // SERVICE ALERT: web1;http;CRITICAL;HARD;3;down
                | 6 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;okonly;2;down   | okonly.pct=0.00                              | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;okonly;2;down // PASSIVE SERVICE CHECK: web1;okonly;0;(null) // SERVICE ALERT: web1;okonly;CRITICAL;HARD;1;down
                """);
    }

    @Test
    void hostFlapsOnItsOwnResultsAndItsServicesResults() throws Exception {
        h = closing.add(new FlapHarness(dir, OBJECTS, "enable_flap_detection=1\n"));
        // host results alternate DOWN/UP (hard at once: max_check_attempts 1); a service result in between
        // records the host's state once more
        h.play("""
                | t | line                                                   | expect                                              | log
                | 1 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down          | web1.state=DOWN/HARD/1 web1.pct=6.25                | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;(null) // HOST ALERT: web1;DOWN;HARD;1;down
                | 2 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;okonly;0;ok   | web1.pct=6.12 okonly.pct=0.00                       | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;okonly;0;ok // PASSIVE SERVICE CHECK: web1;okonly;0;(null)
                | 3 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up            | web1.pct=12.24                                      | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up // PASSIVE HOST CHECK: web1;1;down // HOST ALERT: web1;UP;HARD;1;up
                | 4 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down          | web1.pct=18.22                                      | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;up // HOST ALERT: web1;DOWN;HARD;1;down
                | 5 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up            | web1.pct=24.08                                      | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up // PASSIVE HOST CHECK: web1;1;down // HOST ALERT: web1;UP;HARD;1;up
                | 6 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down          | web1.pct=29.80 web1.flapping=off web1.comment=-     | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;up // HOST ALERT: web1;DOWN;HARD;1;down
                | 7 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up            | web1.pct=35.39 web1.flapping=on web1.comment=35.4%_change_>_30.0%_threshold program.told=FLAPPINGSTART:web1:35.4>=30.0 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up // PASSIVE HOST CHECK: web1;1;down // HOST FLAPPING ALERT: web1;STARTED; Host appears to have started flapping (35.4% change > 30.0% threshold) // HOST ALERT: web1;UP;HARD;1;up
                """);
    }

    @Test
    void statusFileShowsFlappingPercentAndSwitch() throws Exception {
        h = closing.add(new FlapHarness(dir, OBJECTS, "enable_flap_detection=1\n"));
        h.play("""
                | t | line                                                    | expect           | log
                | 1 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down  | flappy.pct=6.25  | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;flappy;2;down // PASSIVE SERVICE CHECK: web1;flappy;0;(null) // SERVICE ALERT: web1;flappy;CRITICAL;HARD;1;down
                | 2 | [{now}] DISABLE_HOST_FLAP_DETECTION;web1                 | web1.detect=off  | EXTERNAL COMMAND: DISABLE_HOST_FLAP_DETECTION;web1
                """);
        String status = h.engine.call(() -> org.vigil.engine.status.StatusFile.render(h.clock.instant(),
                new org.vigil.engine.status.StatusFile.Program(1, FlapHarness.T0, true, true, true, true, true, true,
                        h.engine.switches().flapDetectionEnabled(), 1, 1), h.engine.hosts(), h.engine.services(),
                java.util.List.of("admin")));
        String flappy = status.substring(status.indexOf("service_description=flappy"));
        flappy = flappy.substring(0, flappy.indexOf("}"));
        org.assertj.core.api.Assertions.assertThat(flappy).contains("\tflap_detection_enabled=1\n",
                "\tis_flapping=0\n", "\tpercent_state_change=6.25\n");
        String host = status.substring(status.indexOf("hoststatus {"));
        host = host.substring(0, host.indexOf("}"));
        org.assertj.core.api.Assertions.assertThat(host).contains("\tflap_detection_enabled=0\n",
                "\tpercent_state_change=0.00\n");
        org.assertj.core.api.Assertions.assertThat(status).contains("\tenable_flap_detection=1\n");
    }
}
