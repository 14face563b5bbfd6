package org.vigil.engine.downtime;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * Downtimes of each kind as tables of commands, results and ticks, with depth, downtimes, comments, listener
 * calls and log lines after every step (see {@link DowntimeWorld#play}). Log texts as nagios4 4.4.6 writes them
 * (observed). Entry ids are shared by downtimes and their comments: downtime 1 has comment 2, and so on.
 */
class DowntimeScenarioTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private DowntimeWorld world;

    @Test
    void fixedDowntimesStartAndEndOnTimeAndNest() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t   | line                                                                          | expect                                    | log
                | 0   | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+60};{+120};1;0;0;alice;fixed one    | http.depth=0 dt=1 comments=2@http notes=-  | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+60};{+120};1;0;0;alice;fixed one
                | 59  | -                                                                             | http.depth=0 dt=1 notes=-                  | -
                | 60  | -                                                                             | http.depth=1 dt=1* notes=START:1           | SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime
                | 90  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+90};{+200};1;0;0;bob;second         | http.depth=2 dt=1*,3* comments=2@http,4@http notes=- | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+90};{+200};1;0;0;bob;second
                | 120 | -                                                                             | http.depth=1 dt=3* comments=4@http notes=- | -
                | 199 | -                                                                             | http.depth=1 dt=3*                         | -
                | 200 | -                                                                             | http.depth=0 dt=- comments=- notes=END:3   | SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime
                | 210 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+210};{+300};1;0;0;carol;host            | web1.depth=1 http.depth=0 dt=5* comments=6@web1 notes=START:5 | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+210};{+300};1;0;0;carol;host // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime
                | 300 | -                                                                             | web1.depth=0 dt=- comments=- notes=END:5   | HOST DOWNTIME ALERT: web1;STOPPED; Host has exited from a period of scheduled downtime
                """);
    }

    @Test
    void flexibleDowntimeStartsOnAProblemAndExpiresUnused() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t   | line                                                                            | expect                                          | log
                | 0   | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;0;120;alice;flex           | http.depth=0 dt=1 comments=2@http               | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;0;120;alice;flex
                | 0   | [{now}] SCHEDULE_SVC_DOWNTIME;web1;disk;{+0};{+300};0;0;60;alice;unused          | disk.depth=0 dt=1,3 comments=2@http,4@disk      | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;disk;{+0};{+300};0;0;60;alice;unused
                | 10  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK - fine                      | http.depth=0 dt=1,3 notes=-                     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;0;OK - fine // PASSIVE SERVICE CHECK: web1;http;0;(null)
                | 20  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - down                    | http.depth=1 dt=1*,3 notes=START:1              | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - down // PASSIVE SERVICE CHECK: web1;http;0;OK - fine // SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;CRIT - down
                | 30  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - still                   | http.depth=1 dt=1*,3 notes=-                    | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - still // PASSIVE SERVICE CHECK: web1;http;2;CRIT - down // SERVICE ALERT: web1;http;CRITICAL;SOFT;2;CRIT - still
                | 139 | -                                                                               | http.depth=1 dt=1*,3                            | -
                | 140 | -                                                                               | http.depth=0 dt=3 comments=4@disk notes=END:1   | SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime
                | 300 | -                                                                               | disk.depth=0 dt=3 comments=4@disk notes=-       | -
                | 301 | -                                                                               | disk.depth=0 dt=- comments=- notes=END:3        | -
                """);
    }

    @Test
    void flexibleHostDowntimeStartsAfterTheAlertAServiceOneBefore() throws Exception {
        // 4.4.6: check_pending_flex_service_downtime starts the downtime inside the state change, before the alert;
        // check_pending_flex_host_downtime queues an event for now, run after the alert (both seen with nagios4,
        // scenario downtime-flexible)
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t  | line                                                                 | expect                     | log
                | 0  | [{now}] SCHEDULE_HOST_DOWNTIME;web2;{+0};{+600};0;0;120;alice;flex    | web2.depth=0 dt=1          | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;{+0};{+600};0;0;120;alice;flex
                | 10 | [{now}] PROCESS_HOST_CHECK_RESULT;web2;1;DOWN - gone                  | web2.depth=1 dt=1* notes=START:1 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web2;1;DOWN - gone // PASSIVE HOST CHECK: web2;0;(null) // HOST ALERT: web2;DOWN;HARD;1;DOWN - gone // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime
                """);
    }

    @Test
    void triggeredDowntimesStartWithTheirTriggerAndEndWithItOrBefore() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t   | line                                                                              | expect                                                 | log
                | 0   | [{now}] SCHEDULE_HOST_DOWNTIME;router;{+60};{+300};1;0;0;ops;maintenance          | router.depth=0 dt=1 comments=2@router                  | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;router;{+60};{+300};1;0;0;ops;maintenance
                | 0   | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};1;1;0;ops;follows                 | web1.depth=0 dt=3,1                                    | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};1;1;0;ops;follows
                | 0   | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;1;30;ops;flex follows       | http.depth=0 dt=3,5,1 comments=2@router,4@web1,6@http  | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;1;30;ops;flex follows
                | 59  | -                                                                                 | router.depth=0 web1.depth=0 http.depth=0 dt=3,5,1      | -
                | 60  | -                                                                                 | router.depth=1 web1.depth=1 http.depth=1 dt=3*,5*,1* notes=START:1,START:3,START:5 | HOST DOWNTIME ALERT: router;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime
                | 90  | -                                                                                 | http.depth=0 dt=3*,1* comments=2@router,4@web1 notes=END:5 | SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime
                | 300 | -                                                                                 | router.depth=0 web1.depth=0 dt=- comments=- notes=END:1,END:3 | HOST DOWNTIME ALERT: router;STOPPED; Host has exited from a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STOPPED; Host has exited from a period of scheduled downtime
                """);
    }

    @Test
    void hostDowntimePropagatesToChildHosts() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t   | line                                                                                   | expect                                                  | log
                | 0   | [{now}] SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME;router;{+10};{+100};1;0;0;ops;net | dt=1,3,5 comments=2@router,4@web2,6@web1                | EXTERNAL COMMAND: SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME;router;{+10};{+100};1;0;0;ops;net
                | 10  | -                                                                                      | router.depth=1 web1.depth=1 web2.depth=1 dt=1*,3*,5* notes=START:1,START:3,START:5 | HOST DOWNTIME ALERT: router;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime
                | 100 | -                                                                                      | router.depth=0 web1.depth=0 web2.depth=0 dt=- comments=- notes=END:1,END:3,END:5 | HOST DOWNTIME ALERT: router;STOPPED; Host has exited from a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STOPPED; Host has exited from a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STOPPED; Host has exited from a period of scheduled downtime
                | 110 | [{now}] SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;web1;{+200};{+300};1;0;0;ops;apps          | dt=7,9 comments=8@web1,10@web2                          | EXTERNAL COMMAND: SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;web1;{+200};{+300};1;0;0;ops;apps
                | 150 | [{now}] DEL_HOST_DOWNTIME;7                                                            | web1.depth=0 web2.depth=0 dt=9 comments=10@web2 notes=-  | EXTERNAL COMMAND: DEL_HOST_DOWNTIME;7
                | 200 | -                                                                                      | web1.depth=0 web2.depth=1 dt=9* notes=START:9           | HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime
                """);
    }

    @Test
    void deletingADowntimeDeletesThoseItTriggered() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t  | line                                                                       | expect                                              | log
                | 0  | [{now}] SCHEDULE_HOST_DOWNTIME;router;{+10};{+500};1;0;0;ops;maintenance   | dt=1                                                | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;router;{+10};{+500};1;0;0;ops;maintenance
                | 0  | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+10};{+500};1;1;0;ops;after router    | dt=1,3                                              | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+10};{+500};1;1;0;ops;after router
                | 0  | [{now}] SCHEDULE_HOST_DOWNTIME;web2;{+10};{+500};1;3;0;ops;after web1      | dt=1,3,5 comments=2@router,4@web1,6@web2             | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;{+10};{+500};1;3;0;ops;after web1
                | 0  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;disk;{+100};{+500};1;0;0;ops;unrelated  | dt=1,3,5,7                                          | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;disk;{+100};{+500};1;0;0;ops;unrelated
                | 10 | -                                                                          | router.depth=1 web1.depth=1 web2.depth=1 dt=1*,3*,5*,7 notes=START:1,START:3,START:5 | HOST DOWNTIME ALERT: router;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime
                | 20 | [{now}] DEL_SVC_DOWNTIME;1                                                  | router.depth=1 dt=1*,3*,5*,7                         | EXTERNAL COMMAND: DEL_SVC_DOWNTIME;1 // Error: External command failed -> DEL_SVC_DOWNTIME;1 // External command [{now}] DEL_SVC_DOWNTIME;1 returned error Command failed (no service downtime with id 1)
                | 30 | [{now}] DEL_HOST_DOWNTIME;1                                                 | router.depth=0 web1.depth=0 web2.depth=0 dt=7 comments=8@disk notes=CANCEL:1,CANCEL:3,CANCEL:5 | EXTERNAL COMMAND: DEL_HOST_DOWNTIME;1 // HOST DOWNTIME ALERT: router;CANCELLED; Scheduled downtime for host has been cancelled. // HOST DOWNTIME ALERT: web1;CANCELLED; Scheduled downtime for host has been cancelled. // HOST DOWNTIME ALERT: web2;CANCELLED; Scheduled downtime for host has been cancelled.
                | 40 | [{now}] DEL_SVC_DOWNTIME;7                                                  | disk.depth=0 dt=- comments=- notes=-                 | EXTERNAL COMMAND: DEL_SVC_DOWNTIME;7
                | 50 | [{now}] DEL_HOST_DOWNTIME;1                                                 | dt=-                                                 | EXTERNAL COMMAND: DEL_HOST_DOWNTIME;1 // Error: External command failed -> DEL_HOST_DOWNTIME;1 // External command [{now}] DEL_HOST_DOWNTIME;1 returned error Command failed (no host downtime with id 1)
                """);
    }

    /**
     * A tree of triggered downtimes, some added after their trigger started, as Nagios's recursive
     * {@code handle_scheduled_downtime} and {@code unschedule_downtime} walk it: each downtime's own effects, then
     * the downtimes it triggers in id order, each with its own before the next. At the end one added late (not in
     * effect) is started, with those it triggers, and then stopped; cancelled, it goes without a line.
     */
    @Test
    void aTreeOfTriggeredDowntimesIsWalkedDepthFirstInIdOrder() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t   | line                                                                    | expect                                                                                                                                                         | log
                | 0   | [{now}] SCHEDULE_HOST_DOWNTIME;router;{+10};{+100};1;0;0;ops;head       | dt=1                                                                                                                                                           | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;router;{+10};{+100};1;0;0;ops;head
                | 0   | [{now}] SCHEDULE_HOST_DOWNTIME;web2;{+0};{+500};1;1;0;ops;by 1          | dt=3,1                                                                                                                                                         | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;{+0};{+500};1;1;0;ops;by 1
                | 0   | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+500};1;3;0;ops;by 3      | dt=3,5,1                                                                                                                                                       | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+500};1;3;0;ops;by 3
                | 0   | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+500};1;1;0;ops;by 1          | dt=3,5,7,1                                                                                                                                                     | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+500};1;1;0;ops;by 1
                | 10  | -                                                                       | router.depth=1 web1.depth=1 web2.depth=1 http.depth=1 dt=3*,5*,7*,1* notes=START:1,START:3,START:5,START:7                                                     | HOST DOWNTIME ALERT: router;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime
                | 20  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;disk;{+0};{+500};1;1;0;ops;late by 1 | dt=3*,5*,7*,9,1*                                                                                                                                               | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;disk;{+0};{+500};1;1;0;ops;late by 1
                | 20  | [{now}] SCHEDULE_HOST_DOWNTIME;web2;{+0};{+500};1;9;0;ops;late by 9     | dt=3*,5*,7*,9,11,1*                                                                                                                                            | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;{+0};{+500};1;9;0;ops;late by 9
                | 20  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+500};1;5;0;ops;late by 5 | dt=3*,5*,7*,9,11,13,1* notes=-                                                                                                                                 | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+500};1;5;0;ops;late by 5
                | 100 | -                                                                       | router.depth=0 web1.depth=0 web2.depth=0 http.depth=0 disk.depth=0 dt=- comments=- notes=END:1,END:3,END:5,START:13,END:13,END:7,START:9,START:11,END:9,END:11 | HOST DOWNTIME ALERT: router;STOPPED; Host has exited from a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STOPPED; Host has exited from a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STOPPED; Host has exited from a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;disk;STARTED; Service has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;disk;STOPPED; Service has exited from a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STOPPED; Host has exited from a period of scheduled downtime
                | 200 | [{now}] SCHEDULE_HOST_DOWNTIME;router;{+210};{+400};1;0;0;ops;head      | dt=15                                                                                                                                                          | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;router;{+210};{+400};1;0;0;ops;head
                | 200 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+500};1;15;0;ops;by 15        | dt=17,15                                                                                                                                                       | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+500};1;15;0;ops;by 15
                | 200 | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+500};1;17;0;ops;by 17    | dt=17,19,15                                                                                                                                                    | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+500};1;17;0;ops;by 17
                | 200 | [{now}] SCHEDULE_SVC_DOWNTIME;web1;disk;{+0};{+500};1;15;0;ops;by 15    | dt=17,19,21,15                                                                                                                                                 | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;disk;{+0};{+500};1;15;0;ops;by 15
                | 210 | -                                                                       | router.depth=1 web1.depth=1 http.depth=1 disk.depth=1 dt=17*,19*,21*,15* notes=START:15,START:17,START:19,START:21                                             | HOST DOWNTIME ALERT: router;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;disk;STARTED; Service has entered a period of scheduled downtime
                | 220 | [{now}] SCHEDULE_HOST_DOWNTIME;web2;{+0};{+500};1;17;0;ops;late by 17   | dt=17*,19*,21*,23,15*                                                                                                                                          | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;{+0};{+500};1;17;0;ops;late by 17
                | 230 | [{now}] DEL_HOST_DOWNTIME;15                                            | router.depth=0 web1.depth=0 web2.depth=0 http.depth=0 disk.depth=0 dt=- comments=- notes=CANCEL:15,CANCEL:17,CANCEL:19,CANCEL:21                               | EXTERNAL COMMAND: DEL_HOST_DOWNTIME;15 // HOST DOWNTIME ALERT: router;CANCELLED; Scheduled downtime for host has been cancelled. // HOST DOWNTIME ALERT: web1;CANCELLED; Scheduled downtime for host has been cancelled. // SERVICE DOWNTIME ALERT: web1;http;CANCELLED; Scheduled downtime for service has been cancelled. // SERVICE DOWNTIME ALERT: web1;disk;CANCELLED; Scheduled downtime for service has been cancelled.
                """);
    }

    @Test
    void groupCommandsScheduleEveryMember() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t | line                                                                           | expect                                  | log
                | 0 | [{now}] SCHEDULE_HOSTGROUP_HOST_DOWNTIME;webs;{+100};{+200};1;0;0;ops;hg       | dt=1,3 comments=2@web1,4@web2           | EXTERNAL COMMAND: SCHEDULE_HOSTGROUP_HOST_DOWNTIME;webs;{+100};{+200};1;0;0;ops;hg
                | 1 | [{now}] SCHEDULE_HOSTGROUP_SVC_DOWNTIME;webs;{+100};{+200};1;0;0;ops;hgs       | dt=1,3,5,7                              | EXTERNAL COMMAND: SCHEDULE_HOSTGROUP_SVC_DOWNTIME;webs;{+100};{+200};1;0;0;ops;hgs
                | 2 | [{now}] SCHEDULE_SERVICEGROUP_HOST_DOWNTIME;front;{+100};{+200};1;0;0;ops;sgh  | dt=1,3,5,7,9                            | EXTERNAL COMMAND: SCHEDULE_SERVICEGROUP_HOST_DOWNTIME;front;{+100};{+200};1;0;0;ops;sgh
                | 3 | [{now}] SCHEDULE_SERVICEGROUP_SVC_DOWNTIME;front;{+100};{+200};1;0;0;ops;sgs   | dt=1,3,5,7,9,11,13                      | EXTERNAL COMMAND: SCHEDULE_SERVICEGROUP_SVC_DOWNTIME;front;{+100};{+200};1;0;0;ops;sgs
                | 4 | [{now}] SCHEDULE_HOST_SVC_DOWNTIME;web1;{+100};{+200};1;0;0;ops;hs             | dt=1,3,5,7,9,11,13,15,17 comments=2@web1,4@web2,6@disk,8@http,10@web1,12@disk,14@http,16@disk,18@http | EXTERNAL COMMAND: SCHEDULE_HOST_SVC_DOWNTIME;web1;{+100};{+200};1;0;0;ops;hs
                | 100 | -                                                                            | web1.depth=2 web2.depth=1 http.depth=3 disk.depth=3 | HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;disk;STARTED; Service has entered a period of scheduled downtime // SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime
                """);
    }
}
