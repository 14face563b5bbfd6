package org.vigil.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's parts that need no running monitor: a log with a program stop and an archive, read as avail.cgi
 * reads them (the comparison with avail.cgi itself is {@code AvailabilityProcessTest}), percentages printed as
 * glibc's {@code %2.3f}, and the named periods.
 */
class HistoryTest {

    static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    @Test
    void aProgramStopIsTheLastStateOrNotRunningAndArchivesAreRead() throws Exception {
        Files.createDirectories(dir.resolve("archives"));
        // the archive holds the state before the period; the current log the stop and the change
        Files.writeString(dir.resolve("archives/nagios-11-14-2023-00.log"),
                "[" + (T - 500) + "] Vigil 0.1.0 starting... (PID=1)\n"
                + "[" + (T - 400) + "] HOST ALERT: h;DOWN;HARD;1;down\n");
        Files.writeString(dir.resolve("nagios.log"), String.join("\n",
                "[" + (T + 100) + "] Caught SIGTERM, shutting down...",
                "[" + (T + 300) + "] Vigil 0.1.0 starting... (PID=2)",
                "[" + (T + 400) + "] HOST ALERT: h;UP;SOFT;1;soft: skipped",
                "[" + (T + 600) + "] HOST ALERT: h;UP;HARD;1;up", ""));
        HistoryFiles files = new HistoryFiles(dir.resolve("nagios.log"), dir.resolve("archives"));
        Availability assumed = report(files, Assumptions.DEFAULTS);
        assertThat(assumed.state("DOWN").total()).isEqualTo(600);
        assertThat(assumed.state("UP").total()).isEqualTo(400);
        assertThat(assumed.notRunning()).isZero();

        Availability stopped = report(files, new Assumptions(true, true, false, false));
        assertThat(stopped.notRunning()).isEqualTo(200);
        assertThat(stopped.state("DOWN").total()).isEqualTo(400);
        assertThat(stopped.undeterminedPercent()).isEqualTo(20.0);
        assertThat(stopped.spans()).extracting(Span::state, Span::notRunning).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Archived.HOST_DOWN, false),
                org.assertj.core.groups.Tuple.tuple(Archived.NO_DATA, true),
                org.assertj.core.groups.Tuple.tuple(Archived.HOST_DOWN, false),
                org.assertj.core.groups.Tuple.tuple(Archived.HOST_UP, false));

        Availability soft = report(files, new Assumptions(true, true, true, true));
        assertThat(soft.state("UP").total()).isEqualTo(600);
    }

    private static Availability report(HistoryFiles files, Assumptions a) {
        return History.of(files, List.of(new Target("h", null)), T, T + 1000, T + 5000, a, t -> Archived.NO_DATA)
                .get(0);
    }

    @Test
    void percentagesRoundAsGlibcPrintsThem() {
        assertThat(Percent.format(0.0625)).isEqualTo("0.062%"); // an exact tie: to even
        assertThat(Percent.format(100.0 / 3)).isEqualTo("33.333%");
        assertThat(Percent.format(2.0 / 3 * 100)).isEqualTo("66.667%");
        assertThat(Percent.format(-6.25)).isEqualTo("-6.250%");
        assertThat(Percent.duration(90061)).isEqualTo("1d 1h 1m 1s");
    }

    @Test
    void namedPeriodsEndAtLocalMidnightsAndBadOnesSayWhatIsExpected() {
        ZoneId utc = ZoneId.of("UTC");
        Instant now = Instant.parse("2026-12-07T16:20:00Z"); // a Monday
        assertThat(ReportPeriod.of(null, null, null, now, utc).seconds()).isEqualTo(86400);
        assertThat(ReportPeriod.of("lastmonth", null, null, now, utc)).isEqualTo(new ReportPeriod("lastmonth",
                Instant.parse("2026-11-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2026-12-01T00:00:00Z").getEpochSecond()));
        assertThat(ReportPeriod.of("thisweek", null, null, now, utc).fromInstant())
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(ReportPeriod.of("custom", "2026-12-01", "1796659200", now, utc).until()).isEqualTo(1796659200L);
        assertThatThrownBy(() -> ReportPeriod.of("lastquarter", null, null, now, utc))
                .hasMessageContaining("is not one of today, last24hours");
        assertThatThrownBy(() -> ReportPeriod.of("custom", "yesterday", null, now, utc))
                .hasMessageContaining("'t1' is 'yesterday', not a time");
    }
}
