package org.vigil.config.timeperiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.Diagnostics;

class TimeperiodExclusionTest {

    private static final String[] ALL_WEEK = {"sunday 00:00-24:00", "monday 00:00-24:00", "tuesday 00:00-24:00",
        "wednesday 00:00-24:00", "thursday 00:00-24:00", "friday 00:00-24:00", "saturday 00:00-24:00"};
    private static final String[] WORK = {"monday 09:00-17:00", "tuesday 09:00-17:00", "wednesday 09:00-17:00",
        "thursday 09:00-17:00", "friday 09:00-17:00"};

    /** workhours less lunch; 24x7 less holidays, where the holiday itself excludes a 10:00-11:00 duty hour. */
    private static Periods periods() {
        return new Periods()
                .define("lunch", "monday 12:00-13:00", "tuesday 12:00-13:00", "wednesday 12:00-13:00",
                        "thursday 12:00-13:00", "friday 12:00-13:00")
                .define("workhours", List.of("lunch"), WORK)
                .define("duty", "december 25 10:00-11:00")
                .define("holidays", List.of("duty"), "december 25 00:00-24:00", "january 1 00:00-24:00")
                .define("24x7_sans_holidays", List.of("holidays"), ALL_WEEK)
                .define("everything", ALL_WEEK)
                .define("nothing", List.of("everything"), ALL_WEEK);
    }

    static Stream<Arguments> contains() {
        return Stream.of(
                Arguments.of("workhours", "2026-11-25T11:59:00Z", true),
                Arguments.of("workhours", "2026-11-25T12:30:00Z", false),
                Arguments.of("workhours", "2026-11-25T13:00:00Z", true),
                Arguments.of("24x7_sans_holidays", "2026-12-24T23:59:00Z", true),
                Arguments.of("24x7_sans_holidays", "2026-12-25T09:00:00Z", false),
                // nested: the holiday excludes the duty hour, so that hour is back in the period
                Arguments.of("24x7_sans_holidays", "2026-12-25T10:30:00Z", true),
                Arguments.of("24x7_sans_holidays", "2027-01-01T10:30:00Z", false),
                Arguments.of("nothing", "2026-11-25T10:00:00Z", false));
    }

    @ParameterizedTest(name = "{0} @ {1} -> {2}")
    @MethodSource("contains")
    void exclusionRemovesTimeAndNestedExclusionGivesItBack(String period, String instant, boolean inside) {
        CompiledTimeperiod p = periods().get(period, Periods.UTC);

        assertThat(p.contains(Instant.parse(instant))).isEqualTo(inside);
    }

    @Test
    void nextInsideAndOutsideSkipExcludedTime() {
        CompiledTimeperiod p = periods().get("workhours", Periods.UTC);
        ZonedDateTime lunch = ZonedDateTime.parse("2026-11-25T12:15:00Z");
        ZonedDateTime morning = ZonedDateTime.parse("2026-11-25T09:00:00Z");

        assertThat(p.nextInside(lunch)).contains(ZonedDateTime.parse("2026-11-25T13:00:00Z"));
        assertThat(p.nextOutside(morning)).contains(ZonedDateTime.parse("2026-11-25T12:00:00Z"));
    }

    @Test
    void holidayWithDutyHourSplitsTheDay() {
        CompiledTimeperiod p = periods().get("24x7_sans_holidays", Periods.UTC);

        assertThat(p.activeRanges(LocalDate.parse("2026-12-25"))).containsExactly(new TimeRange(600, 660));
        assertThat(p.nextOutside(ZonedDateTime.parse("2026-12-24T20:00:00Z")))
                .contains(ZonedDateTime.parse("2026-12-25T00:00:00Z"));
    }

    @Test
    void periodWhoseTimeIsAllExcludedIsNeverEntered() {
        CompiledTimeperiod p = periods().get("nothing", Periods.UTC);

        assertThat(p.nextInside(ZonedDateTime.parse("2026-11-25T00:00:00Z"))).isEmpty();
        assertThat(p.transitions(ZonedDateTime.parse("2026-11-25T00:00:00Z"), 3)).isEmpty();
    }

    @Test
    void exclusionCycleIsReportedAndCutSoEvaluationEnds() {
        Diagnostics diags = new Diagnostics();
        TimeperiodSchedule s = new Periods()
                .define("a", List.of("b"), "monday 09:00-17:00")
                .define("b", List.of("c"), "monday 10:00-11:00")
                .define("c", List.of("a"), "monday 10:30-10:45")
                .schedule(Periods.UTC, diags);

        assertThat(diags.all()).extracting(Diagnostic::toString).containsExactly(
                "timeperiods.cfg:3: error: timeperiod 'c' excludes 'a', which leads back to it: a -> b -> c -> a"
                        + " (expected exclusions without a cycle; this exclusion is ignored)");
        // with c -> a cut: a = 09:00-17:00 less (10:00-11:00 less 10:30-10:45)
        assertThat(s.find("a").orElseThrow().activeRanges(LocalDate.parse("2026-11-23")))
                .containsExactly(new TimeRange(540, 600), new TimeRange(630, 645), new TimeRange(660, 1020));
    }

    @Test
    void selfExclusionIsACycle() {
        Diagnostics diags = new Diagnostics();

        new Periods().define("a", List.of("a"), "monday 09:00-17:00").schedule(Periods.UTC, diags);

        assertThat(diags.all()).extracting(Diagnostic::toString).containsExactly(
                "timeperiods.cfg:1: error: timeperiod 'a' excludes 'a', which leads back to it: a -> a"
                        + " (expected exclusions without a cycle; this exclusion is ignored)");
    }

    @Test
    void unknownExclusionIsAnError() {
        Diagnostics diags = new Diagnostics();

        TimeperiodSchedule s = new Periods().define("a", List.of("holidayz"), "monday 09:00-17:00")
                .schedule(Periods.UTC, diags);

        assertThat(diags.all()).extracting(Diagnostic::toString).containsExactly(
                "timeperiods.cfg:1: error: timeperiod 'a' excludes 'holidayz', which is not defined (expected the"
                        + " timeperiod_name of a defined timeperiod)");
        assertThat(s.find("a").orElseThrow().contains(Instant.parse("2026-11-23T10:00:00Z"))).isTrue();
    }
}
