package org.vigil.checks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Formats from Nagios's get_datetime_string (the 4.4.6 binary holds "%s %s %d %02d:%02d:%02d %s %d" and "Sep"). */
class MacroFormatsTest {

    static final Instant T = Instant.ofEpochSecond(1788592089L); // Sat 2026-09-05 07:08:09 UTC

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of("LONGDATETIME", "us", "UTC", "Sat Sep 5 07:08:09 UTC 2026"),
                Arguments.of("LONGDATETIME", "iso8601", "Europe/Berlin", "Sat Sep 5 09:08:09 CEST 2026"),
                Arguments.of("SHORTDATETIME", "us", "UTC", "09-05-2026 07:08:09"),
                Arguments.of("SHORTDATETIME", "euro", "UTC", "05-09-2026 07:08:09"),
                Arguments.of("SHORTDATETIME", "iso8601", "UTC", "2026-09-05 07:08:09"),
                Arguments.of("SHORTDATETIME", "strict-iso8601", "UTC", "2026-09-05T07:08:09"),
                Arguments.of("DATE", "us", "UTC", "09-05-2026"),
                Arguments.of("DATE", "euro", "UTC", "05-09-2026"),
                Arguments.of("DATE", "iso8601", "UTC", "2026-09-05"),
                Arguments.of("TIME", "us", "UTC", "07:08:09"),
                Arguments.of("TIMET", "us", "UTC", "1788592089"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("dates")
    void formatsDates(String macro, String dateFormat, String zone, String expected) {
        assertThat(MacroFormats.date(macro, T, ZoneId.of(zone), dateFormat)).isEqualTo(expected);
    }

    @Test
    void formatsDurationsAndSeconds() {
        assertThat(MacroFormats.duration(12)).isEqualTo("0d 0h 0m 12s");
        assertThat(MacroFormats.duration(90061)).isEqualTo("1d 1h 1m 1s");
        assertThat(MacroFormats.seconds(0.0024)).isEqualTo("0.002");
        assertThat(MacroFormats.percent(0)).isEqualTo("0.00");
    }
}
