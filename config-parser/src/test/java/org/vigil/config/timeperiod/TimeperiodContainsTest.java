package org.vigil.config.timeperiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * contains() for every line form, in UTC. Weekdays and day counts were worked out by hand from the calendar
 * (e.g. 1 November 2026 is a Sunday, so its Thursdays are the 5th, 12th, 19th and 26th).
 */
class TimeperiodContainsTest {

    private static final String ALL_WEEK = "sunday 00:00-24:00|monday 00:00-24:00|tuesday 00:00-24:00"
            + "|wednesday 00:00-24:00|thursday 00:00-24:00|friday 00:00-24:00|saturday 00:00-24:00";

    static Stream<Arguments> cases() {
        return Stream.of(
                // weekdays, several ranges, [start, end)
                row("wednesday 09:00-12:00,13:00-17:00", "2026-11-25T09:00", true),
                row("wednesday 09:00-12:00,13:00-17:00", "2026-11-25T08:59:59", false),
                row("wednesday 09:00-12:00,13:00-17:00", "2026-11-25T12:30", false),
                row("wednesday 09:00-12:00,13:00-17:00", "2026-11-25T16:59:59", true),
                row("wednesday 09:00-12:00,13:00-17:00", "2026-11-25T17:00", false),
                row("wednesday 09:00-12:00,13:00-17:00", "2026-11-26T10:00", false),
                row("wednesday 00:00-24:00", "2026-11-25T23:59:59", true),
                row("wednesday 00:00-24:00", "2026-11-26T00:00", false),
                row("wednesday 00:00-00:00", "2026-11-25T00:00", false),
                row("wednesday 17:00-09:00", "2026-11-25T18:00", false),
                // calendar dates replace the weekday ranges of their day
                row(ALL_WEEK + "|2026-12-24 08:00-12:00", "2026-12-24T07:00", false),
                row(ALL_WEEK + "|2026-12-24 08:00-12:00", "2026-12-24T09:00", true),
                row(ALL_WEEK + "|2026-12-24 08:00-12:00", "2026-12-23T07:00", true),
                row("2026-01-01 - 2026-03-31 / 7 08:00-12:00", "2026-01-01T09:00", true),
                row("2026-01-01 - 2026-03-31 / 7 08:00-12:00", "2026-01-08T09:00", true),
                row("2026-01-01 - 2026-03-31 / 7 08:00-12:00", "2026-01-09T09:00", false),
                row("2026-01-01 - 2026-03-31 / 7 08:00-12:00", "2026-03-26T09:00", true),
                row("2026-01-01 - 2026-03-31 / 7 08:00-12:00", "2026-04-02T09:00", false),
                row("2026-01-01 - 2026-03-31 08:00-12:00", "2026-03-31T11:59", true),
                row("2026-01-01 - 2026-03-31 08:00-12:00", "2025-12-31T09:00", false),
                // a single date with a skip has no end: day 363 after 2026-02-01 is a multiple of 3
                row("2026-02-01 / 3 10:00-11:00", "2026-02-04T10:30", true),
                row("2026-02-01 / 3 10:00-11:00", "2026-02-05T10:30", false),
                row("2026-02-01 / 3 10:00-11:00", "2027-01-30T10:30", true),
                row("2026-02-01 / 3 10:00-11:00", "2027-01-31T10:30", false),
                row("2026-02-01 / 3 10:00-11:00", "2026-01-29T10:30", false),
                // month dates
                row(ALL_WEEK + "|july 4 00:00-00:00", "2026-07-04T12:00", false),
                row(ALL_WEEK + "|july 4 00:00-00:00", "2026-07-05T12:00", true),
                row("december 25 - january 2 00:00-24:00", "2026-12-24T12:00", false),
                row("december 25 - january 2 00:00-24:00", "2026-12-25T00:00", true),
                row("december 25 - january 2 00:00-24:00", "2027-01-01T12:00", true),
                row("december 25 - january 2 00:00-24:00", "2027-01-02T23:59", true),
                row("december 25 - january 2 00:00-24:00", "2027-01-03T00:00", false),
                row("february -1 01:00-02:00", "2028-02-29T01:30", true),
                row("february -1 01:00-02:00", "2028-02-28T01:30", false),
                row("february -1 01:00-02:00", "2027-02-28T01:30", true),
                row("february 1 - march 15 / 3 03:00-04:00", "2027-02-04T03:30", true),
                row("february 1 - march 15 / 3 03:00-04:00", "2027-03-01T03:30", false),
                row("february 1 - march 15 / 3 03:00-04:00", "2027-03-03T03:30", true),
                row("february 1 - march 15 / 3 03:00-04:00", "2027-03-15T03:30", true),
                row("february 1 - march 15 / 3 03:00-04:00", "2027-03-18T03:30", false),
                row("march 3 - 5 05:00-06:00", "2027-03-02T05:30", false),
                row("march 3 - 5 05:00-06:00", "2027-03-05T05:30", true),
                row("february 1 - 30 05:00-06:00", "2027-02-28T05:30", true),
                row("june 31 05:00-06:00", "2027-07-01T05:30", false),
                // days of every month
                row("day 15 10:00-11:00", "2026-11-15T10:00", true),
                row("day 15 10:00-11:00", "2026-11-16T10:00", false),
                row("day -1 11:00-12:00", "2026-11-30T11:00", true),
                row("day -1 11:00-12:00", "2026-11-29T11:00", false),
                row("day -1 11:00-12:00", "2026-12-31T11:00", true),
                row("day 1 - 15 / 3 12:00-13:00", "2026-11-13T12:00", true),
                row("day 1 - 15 / 3 12:00-13:00", "2026-11-02T12:00", false),
                row("day 1 - 15 / 3 12:00-13:00", "2026-11-16T12:00", false),
                row("day 25 - 5 12:00-13:00", "2026-11-30T12:00", true),
                row("day 25 - 5 12:00-13:00", "2026-12-03T12:00", true),
                row("day 25 - 5 12:00-13:00", "2026-12-06T12:00", false),
                row("day 25 - 5 12:00-13:00", "2026-12-24T12:00", false),
                row("day 31 12:00-13:00", "2026-11-30T12:00", false),
                // nth weekday of a month
                row("thursday 4 november 00:00-24:00", "2026-11-26T12:00", true),
                row("thursday 4 november 00:00-24:00", "2026-11-19T12:00", false),
                row("monday -1 may 00:00-24:00", "2026-05-25T12:00", true),
                row("monday -1 may 00:00-24:00", "2026-05-18T12:00", false),
                row("tuesday 1 april - friday 2 may 09:00-10:00", "2026-04-06T09:30", false),
                row("tuesday 1 april - friday 2 may 09:00-10:00", "2026-04-07T09:30", true),
                row("tuesday 1 april - friday 2 may 09:00-10:00", "2026-05-08T09:30", true),
                row("tuesday 1 april - friday 2 may 09:00-10:00", "2026-05-09T09:30", false),
                row("monday 5 november 09:00-10:00", "2026-11-30T09:30", true),
                row("monday 5 may 09:00-10:00", "2026-05-25T09:30", false),
                // last Friday of December 2026 is the 25th, first Monday of January 2027 the 4th
                row("friday -1 december - monday 1 january 00:00-24:00", "2026-12-24T12:00", false),
                row("friday -1 december - monday 1 january 00:00-24:00", "2026-12-25T00:00", true),
                row("friday -1 december - monday 1 january 00:00-24:00", "2027-01-03T12:00", true),
                row("friday -1 december - monday 1 january 00:00-24:00", "2027-01-04T23:59", true),
                row("friday -1 december - monday 1 january 00:00-24:00", "2027-01-05T00:00", false),
                // nth weekday of every month
                row("monday 2 08:00-09:00", "2026-11-09T08:30", true),
                row("monday 2 08:00-09:00", "2026-11-02T08:30", false),
                row("friday -1 17:00-18:00", "2026-11-27T17:30", true),
                row("friday -1 17:00-18:00", "2026-11-20T17:30", false),
                row("monday 2 - thursday 3 08:00-09:00", "2026-11-08T08:30", false),
                row("monday 2 - thursday 3 08:00-09:00", "2026-11-09T08:30", true),
                row("monday 2 - thursday 3 08:00-09:00", "2026-11-19T08:30", true),
                row("monday 2 - thursday 3 08:00-09:00", "2026-11-20T08:30", false),
                // last Friday of November 2026 (27th) to first Monday of December (7th)
                row("friday -1 - monday 1 00:00-24:00", "2026-11-26T12:00", false),
                row("friday -1 - monday 1 00:00-24:00", "2026-12-05T12:00", true),
                row("friday -1 - monday 1 00:00-24:00", "2026-12-08T12:00", false),
                // a skip counts from the start even when the range runs into the next month
                row("day 30 - 2 / 2 00:00-24:00", "2026-11-30T12:00", true),
                row("day 30 - 2 / 2 00:00-24:00", "2026-12-01T12:00", false),
                row("day 30 - 2 / 2 00:00-24:00", "2026-12-02T12:00", true),
                // precedence: calendar date > month date > month day > month week day > week day
                row(ALL_WEEK + "|july 4 00:00-00:00|2026-07-04 10:00-11:00", "2026-07-04T10:30", true),
                row(ALL_WEEK + "|july 4 00:00-00:00|2026-07-04 10:00-11:00", "2026-07-04T09:00", false),
                row("day 4 01:00-02:00|july 4 03:00-04:00", "2026-07-04T03:30", true),
                row("day 4 01:00-02:00|july 4 03:00-04:00", "2026-07-04T01:30", false),
                row("thursday 4 november 03:00-04:00|day 26 01:00-02:00", "2026-11-26T01:30", true),
                row("thursday 4 november 03:00-04:00|day 26 01:00-02:00", "2026-11-26T03:30", false),
                row("thursday 4 05:00-06:00|thursday 4 november 03:00-04:00", "2026-11-26T03:30", true),
                row("thursday 4 05:00-06:00|thursday 4 november 03:00-04:00", "2026-11-26T05:30", false),
                row("thursday 4 05:00-06:00|thursday 4 november 03:00-04:00", "2026-10-22T05:30", true),
                row("thursday 00:00-24:00|thursday 4 05:00-06:00", "2026-10-22T04:00", false),
                // within one kind the first line written wins
                row("day 1 - 10 01:00-02:00|day 5 03:00-04:00", "2026-11-05T01:30", true),
                row("day 1 - 10 01:00-02:00|day 5 03:00-04:00", "2026-11-05T03:30", false));
    }

    private static Arguments row(String lines, String localUtc, boolean inside) {
        return Arguments.of(lines, localUtc, inside);
    }

    @ParameterizedTest(name = "{0} @ {1} -> {2}")
    @MethodSource("cases")
    void containsFollowsNagios(String lines, String localUtc, boolean inside) {
        CompiledTimeperiod p = Periods.of(lines.split("\\|"));

        assertThat(p.contains(LocalDateTime.parse(localUtc).atZone(ZoneOffset.UTC))).isEqualTo(inside);
    }
}
