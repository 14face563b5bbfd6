package org.vigil.engine.downtime;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.EntryLimits;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * Commands past the {@link EntryLimits} (here 2 counted comments per object, 3 in all, 2 downtimes per object, 4
 * in all) through the command path ({@link DowntimeWorld#play}): each is refused whole with a log line naming the
 * command and the limit, nothing changes, and the same command goes through once there is room again. Nagios has
 * no such limits (docs/compatibility.md); everything else is as in {@link DowntimeScenarioTest}.
 */
class EntryLimitsScenarioTest {

    private static final EntryLimits SMALL = new EntryLimits(2, 3, 2, 4);

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();

    @Test
    void downtimesPastALimitAreRefusedWhole() throws Exception {
        DowntimeWorld world = closing.add(DowntimeWorld.start(dir, SMALL));
        world.play("""
                | t  | line                                                                       | expect                  | log
                | 0  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;one         | dt=1                    | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;one
                | 1  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;two         | dt=1,3                  | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;two
                | 2  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;three       | dt=1,3                  | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;three // Error: External command failed -> SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;three // External command [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+200};1;0;0;ops;three returned error Command failed (service 'http' on host 'web1' has 2 downtimes, the most allowed per object is 2 (limits.max_downtimes_per_object in vigil.yml))
                | 3  | [{now}] SCHEDULE_HOST_SVC_DOWNTIME;web1;{+100};{+200};1;0;0;ops;all         | dt=1,3 comments=2@http,4@http | EXTERNAL COMMAND: SCHEDULE_HOST_SVC_DOWNTIME;web1;{+100};{+200};1;0;0;ops;all // Error: External command failed -> SCHEDULE_HOST_SVC_DOWNTIME;web1;{+100};{+200};1;0;0;ops;all // External command [{now}] SCHEDULE_HOST_SVC_DOWNTIME;web1;{+100};{+200};1;0;0;ops;all returned error Command failed (service 'http' on host 'web1' has 2 downtimes, the most allowed per object is 2 (limits.max_downtimes_per_object in vigil.yml))
                | 4  | [{now}] SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net | dt=1,3          | EXTERNAL COMMAND: SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net // Error: External command failed -> SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net // External command [{now}] SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net returned error Command failed (there are 2 downtimes and this command adds 3, past the most allowed, 4 (limits.max_downtimes in vigil.yml))
                | 5  | [{now}] SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;web1;{+100};{+200};1;0;0;ops;apps  | dt=1,3,5,7 comments=2@http,4@http,6@web1,8@web2 | EXTERNAL COMMAND: SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;web1;{+100};{+200};1;0;0;ops;apps
                | 6  | [{now}] SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net | dt=1,3,5,7      | EXTERNAL COMMAND: SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net // Error: External command failed -> SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net // External command [{now}] SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;net returned error Command failed (there are 4 downtimes and this command adds more than 1, past the most allowed, 4 (limits.max_downtimes in vigil.yml))
                | 7  | [{now}] SCHEDULE_HOST_DOWNTIME;router;{+100};{+50};1;0;0;ops;backwards      | dt=1,3,5,7              | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;router;{+100};{+50};1;0;0;ops;backwards // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;router;{+100};{+50};1;0;0;ops;backwards // External command [{now}] SCHEDULE_HOST_DOWNTIME;router;{+100};{+50};1;0;0;ops;backwards returned error Command failed (end time {+50} is not after start time {+100})
                | 8  | [{now}] SCHEDULE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;router        | dt=1,3,5,7              | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;router // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;router // External command [{now}] SCHEDULE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;router returned error Command failed (there are 4 downtimes and this command adds 1, past the most allowed, 4 (limits.max_downtimes in vigil.yml))
                | 9  | [{now}] DEL_SVC_DOWNTIME;1                                                  | dt=3,5,7                | EXTERNAL COMMAND: DEL_SVC_DOWNTIME;1
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;router        | dt=3,5,7,9              | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;router;{+100};{+200};1;0;0;ops;router
                | 100 | -                                                                          | router.depth=1 web1.depth=1 web2.depth=1 http.depth=1 dt=3*,5*,7*,9* | SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: router;STARTED; Host has entered a period of scheduled downtime
                """);
    }

    @Test
    void commentsAndAcknowledgementsPastALimitAreRefused() throws Exception {
        DowntimeWorld world = closing.add(DowntimeWorld.start(dir, SMALL));
        world.play("""
                | t  | line                                                          | expect                               | log
                | 0  | [{now}] ADD_HOST_COMMENT;web1;1;eve;one                        | comments=1@web1                      | EXTERNAL COMMAND: ADD_HOST_COMMENT;web1;1;eve;one
                | 1  | [{now}] ADD_HOST_COMMENT;web1;1;eve;two                        | comments=1@web1,2@web1               | EXTERNAL COMMAND: ADD_HOST_COMMENT;web1;1;eve;two
                | 2  | [{now}] ADD_HOST_COMMENT;web1;1;eve;three                      | comments=1@web1,2@web1               | EXTERNAL COMMAND: ADD_HOST_COMMENT;web1;1;eve;three // Error: External command failed -> ADD_HOST_COMMENT;web1;1;eve;three // External command [{now}] ADD_HOST_COMMENT;web1;1;eve;three returned error Command failed (host 'web1' has 2 comments, the most allowed per object (limits.max_comments_per_object in vigil.yml); delete some first)
                | 3  | [{now}] ADD_SVC_COMMENT;web1;http;1;eve;http                   | comments=1@web1,2@web1,3@http        | EXTERNAL COMMAND: ADD_SVC_COMMENT;web1;http;1;eve;http
                | 4  | [{now}] ADD_SVC_COMMENT;web1;disk;1;eve;disk                   | comments=1@web1,2@web1,3@http        | EXTERNAL COMMAND: ADD_SVC_COMMENT;web1;disk;1;eve;disk // Error: External command failed -> ADD_SVC_COMMENT;web1;disk;1;eve;disk // External command [{now}] ADD_SVC_COMMENT;web1;disk;1;eve;disk returned error Command failed (there are 3 comments, the most allowed (limits.max_comments in vigil.yml); delete some first)
                | 5  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;disk;{+100};{+200};1;0;0;ops;dt | dt=4 comments=1@web1,2@web1,3@http,5@disk | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;disk;{+100};{+200};1;0;0;ops;dt
                | 6  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;down          | disk.depth=0                         | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;down // PASSIVE SERVICE CHECK: web1;disk;0;(null) // SERVICE ALERT: web1;disk;CRITICAL;SOFT;1;down
                | 6  | [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;disk;1;0;1;eve;ack         | comments=1@web1,2@web1,3@http,5@disk | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;disk;1;0;1;eve;ack // Error: External command failed -> ACKNOWLEDGE_SVC_PROBLEM;web1;disk;1;0;1;eve;ack // External command [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;disk;1;0;1;eve;ack returned error Command failed (there are 3 comments, the most allowed (limits.max_comments in vigil.yml); delete some first)
                | 7  | [{now}] DEL_HOST_COMMENT;1                                     | comments=2@web1,3@http,5@disk        | EXTERNAL COMMAND: DEL_HOST_COMMENT;1
                | 8  | [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;disk;1;0;1;eve;ack         | comments=2@web1,3@http,5@disk,6@disk | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;disk;1;0;1;eve;ack
                | 9  | [{now}] ADD_SVC_COMMENT;web1;disk;1;eve;disk                   | comments=2@web1,3@http,5@disk,6@disk | EXTERNAL COMMAND: ADD_SVC_COMMENT;web1;disk;1;eve;disk // Error: External command failed -> ADD_SVC_COMMENT;web1;disk;1;eve;disk // External command [{now}] ADD_SVC_COMMENT;web1;disk;1;eve;disk returned error Command failed (there are 3 comments, the most allowed (limits.max_comments in vigil.yml); delete some first)
                """);
    }
}
