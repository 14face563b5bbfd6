package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.CommandType;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Table;
import org.vigil.livestatus.query.TimeRange;

/**
 * The log table reads the daemon's own log and the archives, newest entry first, with the objects as they are now
 * under current_host_/current_service_ and AuthUser limiting entries to its objects; the statehist table works out
 * each object's periods from the same entries.
 *
 * <p>Two archives are written by hand (an older and a newer day); the daemon writes the current log itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogAndStateHistTest {

    private static final long DAY1 = 1764547200L;
    private static final long DAY2 = DAY1 + 86400;

    private LiveFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new LiveFixture(dir);
        Files.writeString(dir.resolve("archives/nagios-12-01-2026-00.log"), lines(DAY1,
                "0 LOG ROTATION: DAILY",
                "0 INITIAL HOST STATE: web1;UP;HARD;1;up",
                "0 INITIAL SERVICE STATE: web1;http;OK;HARD;1;fine",
                "0 INITIAL SERVICE STATE: db1;pg;OK;HARD;1;fine",
                "3600 SERVICE ALERT: web1;http;CRITICAL;HARD;1;refused",
                "5400 SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of downtime",
                "7200 SERVICE ALERT: web1;http;OK;HARD;1;fine again",
                "9000 SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of downtime",
                "10800 HOST ALERT: web1;DOWN;HARD;1;down",
                "14400 HOST ALERT: web1;UP;HARD;1;up",
                "20000 SERVICE ALERT: db1;pg;WARNING;HARD;1;slow",
                "20001 Warning: something general"));
        Files.writeString(dir.resolve("archives/nagios-12-02-2026-00.log"), lines(DAY2,
                "0 LOG ROTATION: DAILY",
                "60 SERVICE NOTIFICATION: alice;web1;http;CRITICAL;notify-by-email;refused",
                "120 SERVICE ALERT: db1;pg;OK;HARD;1;fine",
                "180 SERVICE ALERT: web2;disk;CRITICAL;HARD;1;full"));
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "http", "2", "live critical");
    }

    private static String lines(long base, String... entries) {
        StringBuilder sb = new StringBuilder();
        for (String e : entries) {
            int space = e.indexOf(' ');
            sb.append('[').append(base + Long.parseLong(e.substring(0, space))).append("] ")
                    .append(e.substring(space + 1)).append('\n');
        }
        return sb.toString();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void entriesComeNewestFirstFromTheLogAndThenTheArchives() {
        List<Map<String, Object>> log = f.rows("log");
        List<Long> times = log.stream().map(r -> (Long) r.get("time")).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        // the daemon's own alert for the live result is the newest entry about web1/http
        Map<String, Object> live = log.stream().filter(r -> r.get("type").equals("SERVICE ALERT")).findFirst()
                .orElseThrow();
        assertThat(live).containsEntry("host_name", "web1").containsEntry("service_description", "http")
                .containsEntry("plugin_output", "live critical").containsEntry("class", 1L).containsEntry("state", 2L)
                .containsEntry("current_service_state", 2L).containsEntry("current_host_name", "web1");
        // the oldest entry is the first line of the older archive
        Map<String, Object> oldest = log.get(log.size() - 1);
        assertThat(oldest).containsEntry("time", DAY1).containsEntry("type", "LOG ROTATION: DAILY")
                .containsEntry("lineno", 1L);
        Map<String, Object> note = log.stream().filter(r -> r.get("class").equals(3L)).findFirst().orElseThrow();
        assertThat(note).containsEntry("contact_name", "alice").containsEntry("command_name", "notify-by-email")
                .containsEntry("state_type", "CRITICAL").containsEntry("time", DAY2 + 60);
    }

    @Test
    void aQueryThatStopsEarlyDoesNotReadTheArchives() {
        LiveTables fresh = LiveTables.of(f.config.mainConfig());
        Table<?> log = fresh.table("log").orElseThrow();
        Iterator<?> rows = log.rows(f.context()).iterator();
        assertThat(rows.hasNext()).isTrue();
        rows.next();
        assertThat(fresh.logFiles().parsedFiles()).as("files parsed for the newest entry").isEqualTo(1);
        int n = 1;
        while (rows.hasNext()) {
            rows.next();
            n++;
        }
        assertThat(fresh.logFiles().parsedFiles()).isEqualTo(3);
        assertThat(n).isEqualTo(f.rows("log").size());
    }

    @Test
    void timeFiltersSkipTheFilesThatLieOutsideThem() {
        // only the older archive's day: the current log and the newer archive are not read
        LiveTables fresh = LiveTables.of(f.config.mainConfig());
        Table<?> log = fresh.table("log").orElseThrow();
        QueryContext day1 = f.context().with(new TimeRange(DAY1, DAY1 + 20001));
        List<Long> times = new java.util.ArrayList<>();
        for (Map<String, Object> r : LiveFixture.rows(log, day1)) {
            times.add((Long) r.get("time"));
        }
        assertThat(times).contains(DAY1, DAY1 + 20001);
        assertThat(fresh.logFiles().parsedFiles()).as("files parsed for day 1").isEqualTo(1);
        // the newer archive alone: the current log is read (it is the newest), the older archive is not
        LiveTables again = LiveTables.of(f.config.mainConfig());
        QueryContext day2 = f.context().with(new TimeRange(DAY2, DAY2 + 180));
        assertThat(LiveFixture.rows(again.table("log").orElseThrow(), day2)).isNotEmpty();
        assertThat(again.logFiles().parsedFiles()).isEqualTo(2);
    }

    @Test
    void anAuthUserSeesTheEntriesOfItsObjectsAndThoseOfNone() {
        List<Map<String, Object>> alice = f.rows("log", f.context("alice"));
        assertThat(alice).extracting(r -> (String) r.get("host_name")).containsOnly("web1", "web2", "");
        assertThat(alice).extracting(r -> r.get("type")).contains("LOG ROTATION: DAILY", "Warning: something general");
        List<Map<String, Object>> bob = f.rows("log", f.context("bob"));
        assertThat(bob).extracting(r -> (String) r.get("host_name")).containsOnly("db1", "");
        assertThat(bob).filteredOn(r -> r.get("host_name").equals("db1")).hasSize(3);
    }

    @Test
    void stateHistoryOverTheTimeFrameOfItsFilters() {
        // Thruk's availability report: Filter: time >= start, Filter: time < end
        QueryContext frame = f.context().with(new TimeRange(DAY1 + 4000, DAY1 + 8999));
        List<Map<String, Object>> http = f.rows("statehist", frame).stream()
                .filter(r -> r.get("host_name").equals("web1") && r.get("service_description").equals("http"))
                .toList();
        // the CRITICAL that began before the frame counts from its start; the frame ends the last period
        assertThat(http).extracting(r -> r.get("from"), r -> r.get("until"), r -> r.get("state"),
                r -> r.get("in_downtime")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DAY1 + 4000, DAY1 + 5400, 2L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 5400, DAY1 + 7200, 2L, 1L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 7200, DAY1 + 9000, 0L, 1L));
        assertThat((Double) http.get(0).get("duration_part")).isCloseTo(1400.0 / 5000, org.assertj.core.data
                .Offset.offset(1e-9));
        // db1;pg was OK all through the frame: one period, all of it
        List<Map<String, Object>> pg = f.rows("statehist", frame).stream().filter(r -> r.get("service_description")
                .equals("pg")).toList();
        assertThat(pg).extracting(r -> r.get("state"), r -> r.get("duration"), r -> r.get("duration_part"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 5000L, 1.0));
    }

    @Test
    void stateHistoryGivesEachObjectsPeriodsAndTheirDurations() {
        List<Map<String, Object>> http = f.rows("statehist").stream()
                .filter(r -> r.get("host_name").equals("web1") && r.get("service_description").equals("http"))
                .toList();
        // OK, CRITICAL, CRITICAL in downtime, OK in downtime, OK, OK while host down, OK, then the live CRITICAL
        assertThat(http).extracting(r -> r.get("from"), r -> r.get("state"), r -> r.get("in_downtime"),
                r -> r.get("host_down")).startsWith(
                org.assertj.core.groups.Tuple.tuple(DAY1, 0L, 0L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 3600, 2L, 0L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 5400, 2L, 1L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 7200, 0L, 1L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 9000, 0L, 0L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 10800, 0L, 0L, 1L),
                org.assertj.core.groups.Tuple.tuple(DAY1 + 14400, 0L, 0L, 0L));
        Map<String, Object> crit = http.get(1);
        assertThat(crit).containsEntry("until", DAY1 + 5400).containsEntry("duration", 1800L)
                .containsEntry("duration_critical", 1800L).containsEntry("duration_ok", 0L)
                .containsEntry("log_output", "refused").containsEntry("notification_period", "24x7");
        long frame = f.snapshot().takenAt().getEpochSecond() + 1 - DAY1;
        assertThat((Double) crit.get("duration_part")).isCloseTo(1800.0 / frame, org.assertj.core.data.Offset
                .offset(1e-6));
        Map<String, Object> last = http.get(http.size() - 1);
        assertThat(last).containsEntry("state", 2L).containsEntry("log_output", "live critical");
        List<Map<String, Object>> pg = f.rows("statehist").stream().filter(r -> r.get("service_description")
                .equals("pg")).toList();
        assertThat(pg).extracting(r -> r.get("state"), r -> r.get("duration")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 20000L),
                org.assertj.core.groups.Tuple.tuple(1L, DAY2 + 120 - (DAY1 + 20000)),
                org.assertj.core.groups.Tuple.tuple(0L, f.snapshot().takenAt().getEpochSecond() + 1 - (DAY2 + 120)));
        assertThat(f.rows("statehist", f.context("bob"))).extracting(r -> r.get("host_name")).containsOnly("db1");
        // first seen a day into the log: unmonitored until then, as Naemon counts an object that appears late
        List<Map<String, Object>> disk = f.rows("statehist").stream().filter(r -> r.get("host_name").equals("web2")
                && r.get("service_description").equals("disk")).toList();
        assertThat(disk).extracting(r -> r.get("state"), r -> r.get("from"), r -> r.get("duration_unmonitored"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-1L, DAY1, DAY2 + 180 - DAY1),
                        org.assertj.core.groups.Tuple.tuple(2L, DAY2 + 180, 0L));
    }
}
