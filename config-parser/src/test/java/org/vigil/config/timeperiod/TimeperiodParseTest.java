package org.vigil.config.timeperiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.Diagnostics;

class TimeperiodParseTest {

    private static final Path RESOURCES = Path.of("src/test/resources/timeperiod");

    @Test
    void everyFormPrintsAsNagios446Does() throws IOException {
        List<String> input = withoutComments(Files.readAllLines(RESOURCES.resolve("every-form.lines")));
        List<String> expected = withoutComments(Files.readAllLines(RESOURCES.resolve("every-form.precache")));

        TimeperiodRules rules = Lines.rules(input.toArray(String[]::new));

        assertThat(Lines.cache(rules)).containsExactlyElementsOf(expected);
    }

    private static List<String> withoutComments(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    static Stream<Arguments> malformed() {
        String times = " (expected HH:MM-HH:MM[,HH:MM-HH:MM...])";
        String days = " (expected a weekday, month, 'day' or YYYY-MM-DD, e.g. 'monday', 'july 4', 'day -1',"
                + " 'thursday 4 november', '2026-12-24')";
        return Stream.of(
                Arguments.of("monday 25:00-26:00",
                        "invalid timeperiod entry 'monday 25:00-26:00': hour must be 0-24" + times),
                Arguments.of("monday 09:60-10:00",
                        "invalid timeperiod entry 'monday 09:60-10:00': minute must be 0-59" + times),
                Arguments.of("monday 00:00-24:01",
                        "invalid timeperiod entry 'monday 00:00-24:01': time must be at most 24:00" + times),
                Arguments.of("monday 9-17",
                        "invalid timeperiod entry 'monday 9-17': missing time ranges" + times),
                Arguments.of("monday 09:00",
                        "invalid timeperiod entry 'monday 09:00': '09:00' is not a time range" + times),
                Arguments.of("monday 09:00-17:00,,",
                        "invalid timeperiod entry 'monday 09:00-17:00,,': '' is not a time range" + times),
                Arguments.of("monday 09:00-17:00x",
                        "invalid timeperiod entry 'monday 09:00-17:00x': '09:00-17:00x' is not a time range" + times),
                Arguments.of("monday 09:00-12:00, 13:00-17:00",
                        "invalid timeperiod entry 'monday 09:00-12:00, 13:00-17:00': time ranges must not contain"
                                + " spaces" + times),
                Arguments.of("wednesday", "invalid timeperiod entry 'wednesday': missing time ranges" + times),
                Arguments.of("junee 3 10:00-11:00", "invalid timeperiod entry 'junee 3 10:00-11:00': 'junee' is"
                        + " not a weekday, month, 'day' or date; did you mean 'june'?" + days),
                Arguments.of("Monday 09:00-10:00", "invalid timeperiod entry 'Monday 09:00-10:00': 'Monday' is"
                        + " not a weekday, month, 'day' or date; did you mean 'monday'?" + days),
                Arguments.of("day 0 10:00-11:00", "invalid timeperiod entry 'day 0 10:00-11:00': day of month must"
                        + " be 1 to 31 or -1 to -31, not 0 (expected e.g. 'day 15' or 'day -1' for the last day)"),
                Arguments.of("june 32 10:00-11:00", "invalid timeperiod entry 'june 32 10:00-11:00': day of month"
                        + " must be 1 to 31 or -1 to -31, not 32 (expected e.g. 'day 15' or 'day -1' for the last"
                        + " day)"),
                Arguments.of("monday 0 may 10:00-11:00", "invalid timeperiod entry 'monday 0 may 10:00-11:00':"
                        + " weekday offset must be 1 to 5 or -1 to -5, not 0 (expected e.g. 'thursday 4 november'"
                        + " or 'monday -1 may' for the last one)"),
                Arguments.of("monday 6 may 10:00-11:00", "invalid timeperiod entry 'monday 6 may 10:00-11:00':"
                        + " weekday offset must be 1 to 5 or -1 to -5, not 6 (expected e.g. 'thursday 4 november'"
                        + " or 'monday -1 may' for the last one)"),
                Arguments.of("monday 1 mai 10:00-11:00", "invalid timeperiod entry 'monday 1 mai 10:00-11:00':"
                        + " unexpected 'mai'" + days),
                Arguments.of("tuesday 1 april - friday 2 mai 10:00-11:00", "invalid timeperiod entry 'tuesday 1"
                        + " april - friday 2 mai 10:00-11:00': 'mai' is not a month; did you mean 'may'? (expected"
                        + " a month name, e.g. 'july 4')"),
                Arguments.of("monday 2 - july 3 10:00-11:00", "invalid timeperiod entry 'monday 2 - july 3"
                        + " 10:00-11:00': 'july' is not a weekday offset" + days),
                Arguments.of("2027-02-30 10:00-11:00", "invalid timeperiod entry '2027-02-30 10:00-11:00':"
                        + " '2027-02-30' is not a valid date (expected YYYY-MM-DD with month 1-12 and an existing"
                        + " day)"),
                Arguments.of("2027-13-01 10:00-11:00", "invalid timeperiod entry '2027-13-01 10:00-11:00':"
                        + " '2027-13-01' is not a valid date (expected YYYY-MM-DD with month 1-12 and an existing"
                        + " day)"),
                Arguments.of("2027-03-01 - 2027-01-01 10:00-11:00", "invalid timeperiod entry '2027-03-01 -"
                        + " 2027-01-01 10:00-11:00': date range ends before it starts (expected YYYY-MM-DD -"
                        + " YYYY-MM-DD, earliest first)"),
                Arguments.of("day 1 - 15 / 0 10:00-11:00", "invalid timeperiod entry 'day 1 - 15 / 0 10:00-11:00':"
                        + " skip interval must be at least 1, not 0 (expected e.g. 'day 1 - 15 / 3')"),
                Arguments.of("july 4 / 2 10:00-11:00",
                        "invalid timeperiod entry 'july 4 / 2 10:00-11:00': unexpected '/'" + days),
                Arguments.of("day 1 - 10:00-11:00", "invalid timeperiod entry 'day 1 - 10:00-11:00': missing day of"
                        + " month after 'day 1 -'" + days));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedLineIsAnErrorAtItsLine(String line, String message) {
        Diagnostics diags = new Diagnostics();

        TimeperiodRules rules = TimeperiodRules.parse(Lines.directives("sunday 00:00-24:00", line), diags);

        assertThat(diags.all()).extracting(Diagnostic::toString)
                .containsExactly("timeperiods.cfg:2: error: " + message);
        assertThat(Lines.cache(rules)).containsExactly("sunday\t00:00-24:00");
    }

    static Stream<Arguments> suspicious() {
        return Stream.of(
                Arguments.of("monday 17:00-09:00", "timeperiod entry 'monday 17:00-09:00': range 17:00-09:00 ends"
                        + " before it starts, so it never matches (expected start <= end; to cross midnight use two"
                        + " lines, e.g. HH:MM-24:00 and 00:00-HH:MM on the next day)"),
                Arguments.of("june 31 10:00-11:00", "timeperiod entry 'june 31 10:00-11:00': june has at most 30"
                        + " days, so this line never matches"),
                Arguments.of("sunday 01:00-02:00", "sunday is set twice in this definition; this later line"
                        + " replaces the earlier one, as in Nagios"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suspicious")
    void acceptedButSuspiciousLineIsAWarning(String line, String message) {
        Diagnostics diags = new Diagnostics();

        TimeperiodRules.parse(Lines.directives("sunday 00:00-24:00", line), diags);

        assertThat(diags.all()).extracting(Diagnostic::toString)
                .containsExactly("timeperiods.cfg:2: warning: " + message);
    }

    @Test
    void allErrorsOfADefinitionAreReportedTogether() {
        Diagnostics diags = new Diagnostics();

        TimeperiodRules.parse(Lines.directives("monday 25:00-26:00", "tuesday 09:00-10:00", "day 0 01:00-02:00"),
                diags);

        assertThat(diags.all()).extracting(d -> d.location().line()).containsExactly(1, 3);
    }
}
