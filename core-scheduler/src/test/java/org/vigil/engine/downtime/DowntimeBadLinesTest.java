package org.vigil.engine.downtime;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * Downtime commands that are refused: each is logged with the reason and changes nothing. Nagios refuses the same
 * ones, most of them silently (observed with nagios4 4.4.6: an end before the start or an unknown trigger is
 * logged only as EXTERNAL COMMAND); Vigil says why.
 */
class DowntimeBadLinesTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private DowntimeWorld world;

    @Test
    void badLinesAreLoggedWithTheReasonAndChangeNothing() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t  | line                                                                   | expect                       | log
                | 10 | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+50};1;0;0;a;c         | dt=- comments=- http.depth=0 | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+50};1;0;0;a;c // Error: External command failed -> SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+50};1;0;0;a;c // External command [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+100};{+50};1;0;0;a;c returned error Command failed (end time {+50} is not after start time {+100})
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+10};1;0;0;a;c               | dt=- comments=-              | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+10};1;0;0;a;c // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;web1;{+0};{+10};1;0;0;a;c // External command [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+10};1;0;0;a;c returned error Command failed (end time {+10} has already passed)
                | 10 | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;0;0;a;c          | dt=- comments=-              | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;0;0;a;c // Error: External command failed -> SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;0;0;a;c // External command [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+0};{+600};0;0;0;a;c returned error Command failed (a flexible downtime (fixed 0) needs a duration above 0 seconds)
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};1;99;0;a;c             | dt=- comments=-              | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};1;99;0;a;c // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};1;99;0;a;c // External command [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};1;99;0;a;c returned error Command failed (no downtime with id 99 to trigger it)
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};yes;0;0;a;c            | dt=-                         | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};yes;0;0;a;c // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};yes;0;0;a;c // External command [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};yes;0;0;a;c returned error Command failed (fixed 'yes' is not 1 (fixed) or 0 (flexible))
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;soon;{+600};1;0;0;a;c              | dt=-                         | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;soon;{+600};1;0;0;a;c // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;web1;soon;{+600};1;0;0;a;c // External command [{now}] SCHEDULE_HOST_DOWNTIME;web1;soon;{+600};1;0;0;a;c returned error Command failed (start time 'soon' is not a number of seconds since 1970)
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;-1;60;a;c            | dt=-                         | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;-1;60;a;c // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;-1;60;a;c // External command [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;-1;60;a;c returned error Command failed (trigger_id '-1' is not a downtime id (0 for none))
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;0;1h;a;c             | dt=-                         | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;0;1h;a;c // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;0;1h;a;c // External command [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600};0;0;1h;a;c returned error Command failed (duration '1h' is not a number of seconds)
                | 10 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600}                        | dt=-                         | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600} // Error: External command failed -> SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600} // External command [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+600} returned error Command failed (SCHEDULE_HOST_DOWNTIME takes 8 arguments (host_name;start_time;end_time;fixed;trigger_id;duration;author;comment), got 3)
                | 10 | [{now}] SCHEDULE_HOSTGROUP_HOST_DOWNTIME;web;{+0};{+600};1;0;0;a;c     | dt=-                         | EXTERNAL COMMAND: SCHEDULE_HOSTGROUP_HOST_DOWNTIME;web;{+0};{+600};1;0;0;a;c // Error: External command failed -> SCHEDULE_HOSTGROUP_HOST_DOWNTIME;web;{+0};{+600};1;0;0;a;c // External command [{now}] SCHEDULE_HOSTGROUP_HOST_DOWNTIME;web;{+0};{+600};1;0;0;a;c returned error Command failed (no hostgroup 'web'; did you mean 'webs'?)
                | 10 | [{now}] SCHEDULE_SERVICEGROUP_SVC_DOWNTIME;back;{+0};{+600};1;0;0;a;c  | dt=-                         | EXTERNAL COMMAND: SCHEDULE_SERVICEGROUP_SVC_DOWNTIME;back;{+0};{+600};1;0;0;a;c // Error: External command failed -> SCHEDULE_SERVICEGROUP_SVC_DOWNTIME;back;{+0};{+600};1;0;0;a;c // External command [{now}] SCHEDULE_SERVICEGROUP_SVC_DOWNTIME;back;{+0};{+600};1;0;0;a;c returned error Command failed (no servicegroup 'back')
                | 10 | [{now}] SCHEDULE_SVC_DOWNTIME;web1;htp;{+0};{+600};1;0;0;a;c           | dt=-                         | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;htp;{+0};{+600};1;0;0;a;c // Error: External command failed -> SCHEDULE_SVC_DOWNTIME;web1;htp;{+0};{+600};1;0;0;a;c // External command [{now}] SCHEDULE_SVC_DOWNTIME;web1;htp;{+0};{+600};1;0;0;a;c returned error Command failed (no service 'htp' on host 'web1'; did you mean 'http'?)
                | 10 | [{now}] DEL_HOST_DOWNTIME;first                                        | dt=-                         | EXTERNAL COMMAND: DEL_HOST_DOWNTIME;first // Error: External command failed -> DEL_HOST_DOWNTIME;first // External command [{now}] DEL_HOST_DOWNTIME;first returned error Command failed (downtime_id 'first' is not a downtime id)
                | 10 | [{now}] DEL_SVC_DOWNTIME;42                                            | dt=-                         | EXTERNAL COMMAND: DEL_SVC_DOWNTIME;42 // Error: External command failed -> DEL_SVC_DOWNTIME;42 // External command [{now}] DEL_SVC_DOWNTIME;42 returned error Command failed (no service downtime with id 42)
                | 10 | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+20};{+600};1;0;0;a;ok;extra  | dt=1 comments=2@http         | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+20};{+600};1;0;0;a;ok;extra
                """);
    }
}
