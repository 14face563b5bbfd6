package org.vigil.engine.downtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.testkit.CloseAfterEach;

/** The status.dat blocks and the downtime comment, compared with what nagios4 4.4.6 wrote for the same commands. */
class DowntimeStatusTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private DowntimeWorld world;

    @Test
    void statusBlocksAreNagiosOnesInNagiosOrder() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t  | line                                                                     | expect    | log
                | 0  | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+20};{+80};1;0;0;alice;fixed one  | dt=1      | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+20};{+80};1;0;0;alice;fixed one
                | 1  | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+10};{+70};1;0;0;carol;host fixed     | dt=3,1    | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+10};{+70};1;0;0;carol;host fixed
                | 2  | [{now}] SCHEDULE_HOST_DOWNTIME;web2;{+10};{+70};0;3;3;carol;trig flex      | dt=3,5,1  | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;{+10};{+70};0;3;3;carol;trig flex
                | 10 | -                                                                        | dt=3*,5*,1 | HOST DOWNTIME ALERT: web1;STARTED; Host has entered a period of scheduled downtime // HOST DOWNTIME ALERT: web2;STARTED; Host has entered a period of scheduled downtime
                """);
        long t0 = DowntimeWorld.T0.getEpochSecond();
        String blocks = world.engine.call(() -> DowntimeStatus.render(world.engine.downtimes().all()));
        assertThat(blocks).isEqualTo("""
                hostdowntime {
                \thost_name=web1
                \tdowntime_id=3
                \tcomment_id=4
                \tentry_time=%1$d
                \tstart_time=%2$d
                \tflex_downtime_start=0
                \tend_time=%3$d
                \ttriggered_by=0
                \tfixed=1
                \tduration=60
                \tis_in_effect=1
                \tstart_notification_sent=1
                \tauthor=carol
                \tcomment=host fixed
                \t}

                hostdowntime {
                \thost_name=web2
                \tdowntime_id=5
                \tcomment_id=6
                \tentry_time=%4$d
                \tstart_time=%2$d
                \tflex_downtime_start=%2$d
                \tend_time=%3$d
                \ttriggered_by=3
                \tfixed=0
                \tduration=3
                \tis_in_effect=1
                \tstart_notification_sent=1
                \tauthor=carol
                \tcomment=trig flex
                \t}

                servicedowntime {
                \thost_name=web1
                \tservice_description=http
                \tdowntime_id=1
                \tcomment_id=2
                \tentry_time=%5$d
                \tstart_time=%6$d
                \tflex_downtime_start=0
                \tend_time=%7$d
                \ttriggered_by=0
                \tfixed=1
                \tduration=60
                \tis_in_effect=0
                \tstart_notification_sent=0
                \tauthor=alice
                \tcomment=fixed one
                \t}

                """.formatted(t0 + 1, t0 + 10, t0 + 70, t0 + 2, t0, t0 + 20, t0 + 80));
    }

    @Test
    void downtimeCommentsReadAsNagiosWritesThem() throws Exception {
        world = closing.add(DowntimeWorld.start(dir));
        world.play("""
                | t | line                                                                        | expect | log
                | 0 | [{now}] SCHEDULE_SVC_DOWNTIME;web1;http;{+20};{+80};1;0;0;alice;fixed one     | dt=1   | EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;http;{+20};{+80};1;0;0;alice;fixed one
                | 0 | [{now}] SCHEDULE_HOST_DOWNTIME;web1;{+0};{+5400};0;0;5430;bob;flex one       | dt=3,1 | EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web1;{+0};{+5400};0;0;5430;bob;flex one
                """);
        Entry fixed = world.engine.call(() -> world.engine.entries().stream().filter(e -> e.id() == 2).findFirst())
                .orElseThrow();
        assertThat(fixed.kind()).isEqualTo(Entry.Kind.COMMENT);
        assertThat(fixed.fields()).containsEntry("entry_type", "2").containsEntry("author", "alice")
                .containsEntry("persistent", "0").containsEntry("source", "0").containsEntry("expires", "0")
                .containsEntry("entry_time", Long.toString(DowntimeWorld.T0.getEpochSecond()))
                .containsEntry("comment_data", "This service has been scheduled for fixed downtime from "
                        + "11-25-2026 10:00:20 to 11-25-2026 10:01:20.  Notifications for the service will not be "
                        + "sent out during that time period.");
        Entry flex = world.engine.call(() -> world.engine.entries().stream().filter(e -> e.id() == 4).findFirst())
                .orElseThrow();
        assertThat(flex.fields()).containsEntry("author", "bob").containsEntry("comment_data", "This host has been "
                + "scheduled for flexible downtime starting between 11-25-2026 10:00:00 and 11-25-2026 11:30:00 and "
                + "lasting for a period of 1 hours and 30 minutes.  Notifications for the host will not be sent out "
                + "during that time period.");
    }

    @Test
    void commentTimesFollowDateFormatAndZone() {
        Downtime d = new Downtime(7, new DowntimeRequest(new org.vigil.engine.state.CheckTarget("h0", "web1", null),
                DowntimeWorld.T0, DowntimeWorld.T0, DowntimeWorld.T0.plusSeconds(3600), true, 0, 0, "a", "c"));
        assertThat(DowntimeText.of("iso8601", ZoneOffset.UTC).comment(d)).startsWith(
                "This host has been scheduled for fixed downtime from 2026-11-25 10:00:00 to 2026-11-25 11:00:00.");
        assertThat(DowntimeText.of("strict-iso8601", ZoneId.of("Europe/Berlin")).comment(d)).startsWith(
                "This host has been scheduled for fixed downtime from 2026-11-25T11:00:00 to 2026-11-25T12:00:00.");
        assertThat(DowntimeText.of("euro", ZoneOffset.UTC).comment(d)).contains("from 25-11-2026 10:00:00 to");
    }
}
