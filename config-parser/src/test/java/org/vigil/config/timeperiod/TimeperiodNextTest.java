package org.vigil.config.timeperiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nextInside/nextOutside across DST changes, month and year ends. Expected instants are worked out by hand
 * from the 2026 zone rules (zdump): Berlin springs from 02:00 CET to 03:00 CEST on 29 March (01:00Z) and falls
 * from 03:00 CEST to 02:00 CET on 25 October (01:00Z); New York springs from 02:00 EST to 03:00 EDT on 8 March
 * (07:00Z) and falls from 02:00 EDT to 01:00 EST on 1 November (06:00Z).
 */
class TimeperiodNextTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";
    private static final String UTC = "UTC";
    private static final String NONE = "none";

    static Stream<Arguments> nextInside() {
        return Stream.of(
                // already inside: the instant itself
                row(UTC, "wednesday 09:00-17:00", "2026-11-25T10:15:30Z", "2026-11-25T10:15:30Z"),
                row(UTC, "wednesday 09:00-17:00", "2026-11-25T08:00:00Z", "2026-11-25T09:00:00Z"),
                row(UTC, "wednesday 09:00-17:00", "2026-11-25T17:00:00Z", "2026-12-02T09:00:00Z"),
                row(UTC, "wednesday 09:00-12:00,13:00-17:00", "2026-11-25T12:00:00Z", "2026-11-25T13:00:00Z"),
                // Berlin spring forward: 02:00-03:00 does not exist on 29 March, the next Sunday's does
                row(BERLIN, "sunday 02:00-03:00", "2026-03-28T23:00:00Z", "2026-04-05T00:00:00Z"),
                // 02:30-04:00 starts at the first real instant of it, 03:00 CEST
                row(BERLIN, "sunday 02:30-04:00", "2026-03-28T23:00:00Z", "2026-03-29T01:00:00Z"),
                // Berlin fall back: 02:00 CEST is 00:00Z
                row(BERLIN, "sunday 02:00-03:00", "2026-10-24T22:00:00Z", "2026-10-25T00:00:00Z"),
                // New York spring forward: 02:00-03:00 missing on 8 March; 15 March 02:00 EDT is 06:00Z
                row(NEW_YORK, "sunday 02:00-03:00", "2026-03-08T05:00:00Z", "2026-03-15T06:00:00Z"),
                row(NEW_YORK, "sunday 02:30-03:30", "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z"),
                // New York fall back: 01:00 EDT is 05:00Z; from 06:10Z (01:10 EST, the second pass) it is inside
                row(NEW_YORK, "sunday 01:00-02:00", "2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z"),
                row(NEW_YORK, "sunday 01:00-02:00", "2026-11-01T06:10:00Z", "2026-11-01T06:10:00Z"),
                // year end: the only range of the year is found 364 days ahead
                row(UTC, "december 31 22:00-24:00", "2027-01-01T03:00:00Z", "2027-12-31T22:00:00Z"),
                row(UTC, "2028-06-01 10:00-11:00", "2027-06-02T00:00:00Z", "2028-06-01T10:00:00Z"),
                // month end: day -1 of February 2028 is the 29th
                row(UTC, "day -1 20:00-24:00", "2028-02-28T21:00:00Z", "2028-02-29T20:00:00Z"),
                // never valid within a year
                row(UTC, "2028-06-01 10:00-11:00", "2026-11-25T00:00:00Z", NONE),
                row(UTC, "2020-01-01 00:00-24:00", "2026-11-25T00:00:00Z", NONE),
                row(UTC, "monday 00:00-00:00", "2026-11-25T00:00:00Z", NONE),
                row(UTC, "february 30 00:00-24:00", "2026-11-25T00:00:00Z", NONE));
    }

    static Stream<Arguments> nextOutside() {
        return Stream.of(
                row(UTC, "wednesday 09:00-17:00", "2026-11-25T08:00:00Z", "2026-11-25T08:00:00Z"),
                row(UTC, "wednesday 09:00-17:00", "2026-11-25T10:15:30Z", "2026-11-25T17:00:00Z"),
                row(UTC, "wednesday 09:00-12:00,12:00-17:00", "2026-11-25T10:00:00Z", "2026-11-25T17:00:00Z"),
                // adjacent days join: Monday 22:00 to Tuesday 02:00
                row(UTC, "monday 22:00-24:00|tuesday 00:00-02:00", "2026-11-23T23:00:00Z", "2026-11-24T02:00:00Z"),
                // Berlin spring forward: 01:00-04:00 wall clock is two real hours, ends 04:00 CEST = 02:00Z
                row(BERLIN, "sunday 01:00-04:00", "2026-03-29T00:30:00Z", "2026-03-29T02:00:00Z"),
                row(BERLIN, "sunday 02:30-04:00", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"),
                // Berlin fall back: 02:00-03:00 wall clock lasts two hours, until 03:00 CET = 02:00Z
                row(BERLIN, "sunday 02:00-03:00", "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"),
                // New York fall back: 01:00 EDT (05:00Z) to 02:00 EST (07:00Z)
                row(NEW_YORK, "sunday 01:00-02:00", "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"),
                // New York spring forward: 00:00-03:00 ends at 03:00 EDT, only two real hours after midnight
                row(NEW_YORK, "sunday 00:00-03:00", "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z"),
                // year and month boundaries join ranges of adjacent days
                row(UTC, "december 31 22:00-24:00|january 1 00:00-02:00", "2026-12-31T22:30:00Z",
                        "2027-01-01T02:00:00Z"),
                row(UTC, "day -1 20:00-24:00|day 1 00:00-04:00", "2027-02-28T21:00:00Z", "2027-03-01T04:00:00Z"),
                row(UTC, "december 25 - january 2 00:00-24:00", "2026-12-30T00:00:00Z", "2027-01-03T00:00:00Z"),
                // Berlin local midnight ranges across the year end: 00:00 CET on 3 January is 2 Jan 23:00Z
                row(BERLIN, "december 25 - january 2 00:00-24:00", "2026-12-30T00:00:00Z", "2027-01-02T23:00:00Z"),
                // always inside: none within a year
                row(UTC, "sunday 00:00-24:00|monday 00:00-24:00|tuesday 00:00-24:00|wednesday 00:00-24:00"
                        + "|thursday 00:00-24:00|friday 00:00-24:00|saturday 00:00-24:00", "2026-11-25T00:00:00Z",
                        NONE));
    }

    private static Arguments row(String zone, String lines, String from, String expected) {
        return Arguments.of(zone, lines, from, expected);
    }

    @ParameterizedTest(name = "{0} {1} from {2} -> {3}")
    @MethodSource("nextInside")
    void nextInside(String zone, String lines, String from, String expected) {
        CompiledTimeperiod p = period(lines, zone);

        Optional<ZonedDateTime> next = p.nextInside(at(from, zone));

        assertThat(next.map(ZonedDateTime::toInstant).map(Instant::toString).orElse(NONE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} from {2} -> {3}")
    @MethodSource("nextOutside")
    void nextOutside(String zone, String lines, String from, String expected) {
        CompiledTimeperiod p = period(lines, zone);

        Optional<ZonedDateTime> next = p.nextOutside(at(from, zone));

        assertThat(next.map(ZonedDateTime::toInstant).map(Instant::toString).orElse(NONE)).isEqualTo(expected);
    }

    @Test
    void answersKeepTheZoneOfTheQuestion() {
        CompiledTimeperiod p = period("sunday 02:30-04:00", BERLIN);

        ZonedDateTime next = p.nextInside(at("2026-03-28T23:00:00Z", BERLIN)).orElseThrow();

        assertThat(next).hasToString("2026-03-29T03:00+02:00[Europe/Berlin]");
    }

    @Test
    void fallBackRangeIsInsideOnBothPasses() {
        CompiledTimeperiod p = period("sunday 01:00-02:00", NEW_YORK);

        assertThat(p.contains(Instant.parse("2026-11-01T05:30:00Z"))).isTrue();
        assertThat(p.contains(Instant.parse("2026-11-01T06:30:00Z"))).isTrue();
        assertThat(p.contains(Instant.parse("2026-11-01T07:00:00Z"))).isFalse();
    }

    @Test
    void springForwardGapHoldsNoInstant() {
        CompiledTimeperiod p = period("sunday 02:00-03:00", BERLIN);

        assertThat(p.contains(Instant.parse("2026-03-29T00:59:59Z"))).isFalse();
        assertThat(p.contains(Instant.parse("2026-03-29T01:00:00Z"))).isFalse();
    }

    @Test
    void transitionsAlternateAcrossTheFallBack() {
        CompiledTimeperiod p = period("sunday 01:00-02:00,03:00-04:00", NEW_YORK);

        assertThat(p.transitions(at("2026-11-01T00:00:00Z", NEW_YORK), 5))
                .extracting(t -> t.at().toInstant().toString() + (t.entering() ? " in" : " out"))
                .containsExactly(
                        "2026-11-01T05:00:00Z in",
                        "2026-11-01T07:00:00Z out",
                        "2026-11-01T08:00:00Z in",
                        "2026-11-01T09:00:00Z out",
                        "2026-11-08T06:00:00Z in");
    }

    @Test
    void transitionsStopWhenThePeriodNeverChangesAgain() {
        CompiledTimeperiod p = period("2026-12-24 08:00-12:00", UTC);

        assertThat(p.transitions(at("2026-11-25T00:00:00Z", UTC), 5))
                .extracting(t -> t.at().toInstant().toString() + (t.entering() ? " in" : " out"))
                .containsExactly("2026-12-24T08:00:00Z in", "2026-12-24T12:00:00Z out");
    }

    private static CompiledTimeperiod period(String lines, String zone) {
        return new Periods().define("p", lines.split("\\|")).get("p", ZoneId.of(zone));
    }

    private static ZonedDateTime at(String instant, String zone) {
        return Instant.parse(instant).atZone(ZoneId.of(zone));
    }
}
