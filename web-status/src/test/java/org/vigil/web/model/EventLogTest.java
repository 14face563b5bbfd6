package org.vigil.web.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nagios log lines as the API and the pages read them: type, host and service of each kind of line. */
class EventLogTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "[1700000000] SERVICE ALERT: web1;http;CRITICAL;HARD;1;down  | SERVICE ALERT          | web1 | http",
        "[1700000000] HOST ALERT: web1;DOWN;HARD;1;PING CRITICAL     | HOST ALERT             | web1 | -",
        "[1700000000] SERVICE NOTIFICATION: alice;web1;http;CRITICAL;c;x | SERVICE NOTIFICATION | web1 | http",
        "[1700000000] HOST NOTIFICATION: alice;db1;DOWN;c;x          | HOST NOTIFICATION      | db1  | -",
        "[1700000000] SERVICE DOWNTIME ALERT: web1;http;STARTED; x   | SERVICE DOWNTIME ALERT | web1 | http",
        "[1700000000] HOST FLAPPING ALERT: db1;STARTED; x            | HOST FLAPPING ALERT    | db1  | -",
        "[1700000000] PASSIVE SERVICE CHECK: web1;disk;0;(null)      | PASSIVE SERVICE CHECK  | web1 | disk",
        "[1700000000] EXTERNAL COMMAND: ADD_HOST_COMMENT;db1;1;a;b   | EXTERNAL COMMAND       | -    | -",
        "[1700000000] Vigil 0.1.0 starting... (PID=1)                | ''                     | -    | -",
        "[1700000000] Warning: reload: 'log_file' changed            | ''                     | -    | -",
    })
    void parsesEveryKindOfLine(String line, String type, String host, String service) {
        LogEntry e = EventLog.parseAny(line.strip());
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.host()).isEqualTo(host);
        assertThat(e.service()).isEqualTo(service);
        assertThat(EventLog.parse(line.strip()) == null).isEqualTo(type.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"no stamp at all", "'[abc] SERVICE ALERT: x;y'", "''"})
    void linesWithoutATimestampAreSkipped(String line) {
        assertThat(EventLog.parseAny(line)).isNull();
    }
}
