package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.web.model.LogEntry;

/** The event log's filters: the times a form or a person writes, the kinds of lines, and the errors. */
class LogFilterTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Now for relative times: 2026-11-25 14:30 in Berlin. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:30:00Z"), ZONE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1700000000                | 2023-11-14T22:13:20Z",
        "2026-11-25                | 2026-11-24T23:00:00Z",
        "2026-11-25T14:30          | 2026-11-25T13:30:00Z",
        "2026-11-25 14:30:15       | 2026-11-25T13:30:15Z",
        "2026-11-25T14:30:00Z      | 2026-11-25T14:30:00Z",
        "2026-11-25T14:30:00+02:00 | 2026-11-25T12:30:00Z",
        "-1h                       | 2026-11-25T12:30:00Z",
        "-30m                      | 2026-11-25T13:00:00Z",
        "- 2d                      | 2026-11-23T13:30:00Z",
        "-1W                       | 2026-11-18T13:30:00Z",
        "-90s                      | 2026-11-25T13:28:30Z",
        "now                       | 2026-11-25T13:30:00Z",
        "today                     | 2026-11-24T23:00:00Z",
        "Yesterday                 | 2026-11-23T23:00:00Z",
    })
    void readsTimesInTheEnginesZone(String written, String instant) {
        assertThat(LogFilter.of(null, null, null, null, written, null, null, CLOCK).sinceAt())
                .isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "type=bogus         | type 'bogus' is not one of alerts, notifications, downtimes, flapping, commands, program",
        "since=last week    | 'since' is 'last week', not a time such as -1h, -30m, -2d, today, 2026-11-25 14:30",
        "since=-1y          | 'since' is '-1y', not a time such as -1h",
        "since=1h           | 'since' is '1h', not a time such as -1h",
        "until=2026-13-01   | 'until' is '2026-13-01', not a time",
        "page=0             | page '0' is not a whole number from 1",
        "page=x             | page 'x' is not a whole number from 1",
    })
    void refusesBadValuesSayingWhatIsExpected(String param, String message) {
        String[] kv = param.strip().split("=", 2);
        assertThatThrownBy(() -> LogFilter.of(kv[0].equals("type") ? kv[1] : null, null, null, null,
                kv[0].equals("since") ? kv[1] : null, kv[0].equals("until") ? kv[1] : null,
                kv[0].equals("page") ? kv[1] : null, CLOCK))
                .isInstanceOf(BadRequestException.class).hasMessageContaining(message.strip());
    }

    @Test
    void kindsOfLines() {
        LogEntry alert = new LogEntry(Instant.EPOCH, "SERVICE ALERT", "h", "s", "h;s;CRITICAL");
        LogEntry start = new LogEntry(Instant.EPOCH, "", null, null, "Vigil 0.1.0 starting...");
        LogEntry command = new LogEntry(Instant.EPOCH, "EXTERNAL COMMAND", null, null, "ADD_HOST_COMMENT;h");
        LogFilter alerts = LogFilter.of("Alerts", null, null, null, null, null, null, CLOCK);
        assertThat(alerts.type()).isEqualTo("alerts");
        assertThat(alerts.predicate()).accepts(alert).rejects(start, command);
        assertThat(LogFilter.of("program", null, null, null, null, null, null, CLOCK).predicate())
                .accepts(start).rejects(alert, command);
        assertThat(LogFilter.of(null, "h", "s", "critical", null, null, null, CLOCK).predicate())
                .accepts(alert).rejects(start, command);
    }

    @Test
    void pagingLinksKeepTheFilters() {
        LogFilter f = LogFilter.of("alerts", "web 1", null, "a&b", null, null, "3", CLOCK);
        assertThat(f.query(4)).isEqualTo("?type=alerts&host=web%201&text=a%26b&page=4");
    }
}
