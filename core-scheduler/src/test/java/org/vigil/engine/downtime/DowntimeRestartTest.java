package org.vigil.engine.downtime;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downtimes survive a restart in retention, and the engine's start does what Nagios does when it reads them back,
 * before any result can be applied: those that were in effect start again (STARTED is logged again, no second
 * notification), a triggered one with its trigger, and one whose whole window passed while Vigil was down starts and
 * ends at once.
 */
class DowntimeRestartTest {

    @TempDir
    Path dir;

    @Test
    void downtimesSurviveARestartAndAreInForceWhenTheEngineStarts() throws Exception {
        try (DowntimeWorld before = DowntimeWorld.startRetained(dir, DowntimeWorld.T0)) {
            before.play("""
                    | t  | line                                                                       | expect          | log
                    | 0  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+60};{+600};1;0;0;ops;fixed       | dt=1            | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+60};{+600};1;0;0;ops;fixed
                    | 0  | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+3000};0;0;300;ops;flex          | dt=3,1          | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+3000};0;0;300;ops;flex
                    | 0  | [{now}] SCHEDULE_HOST_DOWNTIME;web2;{+0};{+900};1;1;0;ops;follows          | dt=3,5,1        | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;{+0};{+900};1;1;0;ops;follows
                    | 0  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;disk;{+100};{+200};1;0;0;ops;while down | dt=3,5,1,7 comments=2@http,4@web1,6@web2,8@disk | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;disk;{+100};{+200};1;0;0;ops;while down
                    | 60 | -                                                                          | http.depth=1 web2.depth=1 dt=3,5*,1*,7 notes=START:1,START:5 | SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime
                    | 70 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down                              | web1.depth=1 dt=3*,5*,1*,7 notes=START:3 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;(null) // HOST ALERT: web1;DOWN;HARD;1;down // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime
                    """);
        }
        try (DowntimeWorld after = DowntimeWorld.startRetained(dir, DowntimeWorld.T0.plusSeconds(250))) {
            String restored = after.engine.call(() -> after.render(
                    "web1.depth=0 http.depth=0 dt=0 comments=0"));
            org.assertj.core.api.Assertions.assertThat(restored)
                    .isEqualTo("web1.depth=1 http.depth=1 dt=3*,5*,1* comments=2@http,4@web1,6@web2");
            org.assertj.core.api.Assertions.assertThat(after.startLog).containsSubsequence(
                    "HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime",
                    "SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime",
                    "HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime",
                    "SERVICE DOWNTIME ALERT: web1;disk;STARTED; Service has entered a period of scheduled downtime",
                    "SERVICE DOWNTIME ALERT: web1;disk;STOPPED; Service has exited from a period of scheduled downtime");
            after.play("""
                    | t   | line | expect                                                       | log
                    | 250 | -    | web1.depth=1 http.depth=1 web2.depth=1 disk.depth=0 dt=3*,5*,1* comments=2@http,4@web1,6@web2 notes=START:7,END:7 | -
                    | 370 | -    | web1.depth=0 dt=5*,1* notes=END:3                             | HOST DOWNTIME ALERT: web1;STOPPED; Host has exited from a period of scheduled downtime
                    | 600 | -    | http.depth=0 web2.depth=0 dt=- comments=- notes=END:1,END:5   | SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STOPPED; Host has exited from a period of scheduled downtime
                    """);
        }
        try (DowntimeWorld third = DowntimeWorld.startRetained(dir, DowntimeWorld.T0.plusSeconds(700))) {
            third.play("""
                    | t   | line | expect               | log
                    | 700 | -    | dt=- comments=-      | -
                    """);
        }
    }
}
