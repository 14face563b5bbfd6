package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of Nagios log line split into the {@code log} table's fields as Naemon's livestatus splits it
 * (LogEntry.cc): class, type, host, service, state, state type, attempt, output, contact, command, comment.
 */
class LogParserTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                // line, class, type, host, service, state, state_type, attempt, output, contact, command, comment
                Arguments.of("[1700000000] SERVICE ALERT: web1;http;CRITICAL;SOFT;2;connection refused",
                        1, "SERVICE ALERT", "web1", "http", 2, "SOFT", 2, "connection refused", "", "", ""),
                Arguments.of("[1700000000] HOST ALERT: web1;DOWN;HARD;3;PING CRITICAL - 100% loss",
                        1, "HOST ALERT", "web1", "", 1, "HARD", 3, "PING CRITICAL - 100% loss", "", "", ""),
                Arguments.of("[1700000000] HOST ALERT: web1;UNREACHABLE;HARD;1;x", 1, "HOST ALERT", "web1", "", 2,
                        "HARD", 1, "x", "", "", ""),
                Arguments.of("[1700000000] CURRENT SERVICE STATE: db1;pg;WARNING;HARD;1;slow", 6,
                        "CURRENT SERVICE STATE", "db1", "pg", 1, "HARD", 1, "slow", "", "", ""),
                Arguments.of("[1700000000] INITIAL HOST STATE: db1;UP;HARD;1;ok", 6, "INITIAL HOST STATE", "db1", "",
                        0, "HARD", 1, "ok", "", "", ""),
                Arguments.of("[1700000000] SERVICE NOTIFICATION: alice;web1;http;CRITICAL;notify-by-email;refused",
                        3, "SERVICE NOTIFICATION", "web1", "http", 2, "CRITICAL", 0, "refused", "alice",
                        "notify-by-email", ""),
                Arguments.of("[1700000000] HOST NOTIFICATION: alice;web1;DOWN;notify-host;down", 3,
                        "HOST NOTIFICATION", "web1", "", 1, "DOWN", 0, "down", "alice", "notify-host", ""),
                // a custom notification puts the command before the state; Livestatus swaps them back
                Arguments.of("[1700000000] HOST NOTIFICATION: alice;web1;notify-host;CUSTOM (UP);text", 3,
                        "HOST NOTIFICATION", "web1", "", 0, "CUSTOM (UP)", 0, "text", "alice", "notify-host", ""),
                Arguments.of("[1700000000] SERVICE NOTIFICATION: bob;db1;pg;RECOVERY;notify;fine", 3,
                        "SERVICE NOTIFICATION", "db1", "pg", 0, "RECOVERY", 0, "fine", "bob", "notify", ""),
                Arguments.of("[1700000000] PASSIVE SERVICE CHECK: web1;disk;1;disk 91%", 4, "PASSIVE SERVICE CHECK",
                        "web1", "disk", 1, "", 0, "disk 91%", "", "", ""),
                Arguments.of("[1700000000] PASSIVE HOST CHECK: web2;0;up", 4, "PASSIVE HOST CHECK", "web2", "", 0,
                        "", 0, "up", "", "", ""),
                Arguments.of("[1700000000] EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;1;1;ops;on it", 5,
                        "EXTERNAL COMMAND", "web1", "http", 0, "", 0, "", "", "", ""),
                Arguments.of("[1700000000] EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;web2;1;2;1;0;0;ops;x", 5,
                        "EXTERNAL COMMAND", "web2", "", 0, "", 0, "", "", "", ""),
                // Livestatus takes the first argument of any *_SVC* command as a host, a host group's name included
                Arguments.of("[1700000000] EXTERNAL COMMAND: DISABLE_HOSTGROUP_SVC_CHECKS;web", 5,
                        "EXTERNAL COMMAND", "web", "", 0, "", 0, "", "", "", ""),
                Arguments.of("[1700000000] EXTERNAL COMMAND: DISABLE_NOTIFICATIONS", 5,
                        "EXTERNAL COMMAND", "", "", 0, "", 0, "", "", "", ""),
                Arguments.of("[1700000000] SERVICE DOWNTIME ALERT: web2;http;STARTED; Service has entered a period",
                        1, "SERVICE DOWNTIME ALERT", "web2", "http", 0, "STARTED", 0, "", "", "",
                        " Service has entered a period"),
                Arguments.of("[1700000000] HOST FLAPPING ALERT: web1;STOPPED; Host appears to have stopped", 1,
                        "HOST FLAPPING ALERT", "web1", "", 0, "STOPPED", 0, "", "", "",
                        " Host appears to have stopped"),
                Arguments.of("[1700000000] SERVICE ACKNOWLEDGE ALERT: web1;http;STARTED;ops;on it", 1,
                        "SERVICE ACKNOWLEDGE ALERT", "web1", "http", 0, "STARTED", 0, "", "ops", "", "on it"),
                Arguments.of("[1700000000] Nagios 4.4.6 starting... (PID=42)", 2,
                        "Nagios 4.4.6 starting... (PID=42)", "", "", 0, "", 0, "", "", "", ""),
                Arguments.of("[1700000000] LOG ROTATION: DAILY", 0, "LOG ROTATION: DAILY", "", "", 0, "", 0, "", "",
                        "", ""),
                Arguments.of("[1700000000] LOG VERSION: 2.0", 2, "LOG VERSION: 2.0", "", "", 0, "", 0, "", "", "",
                        ""),
                Arguments.of("[1700000000] Warning: Check result queue contained results", 0,
                        "Warning: Check result queue contained results", "", "", 0, "", 0, "", "", "", ""));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void eachKindOfLineIsSplitAsLivestatusSplitsIt(String text, int logClass, String type, String host,
            String service, int state, String stateType, int attempt, String output, String contact, String command,
            String comment) {
        LogLine l = LogParser.parse(text, 7);
        assertThat(l).isNotNull();
        assertThat(l.time()).isEqualTo(1700000000L);
        assertThat(l.lineno()).isEqualTo(7);
        assertThat(l.message()).isEqualTo(text);
        assertThat(l.logClass()).as("class").isEqualTo(logClass);
        assertThat(l.type()).as("type").isEqualTo(type);
        assertThat(l.hostName()).as("host").isEqualTo(host);
        assertThat(l.serviceDescription()).as("service").isEqualTo(service);
        assertThat(l.state()).as("state").isEqualTo(state);
        assertThat(l.stateType()).as("state_type").isEqualTo(stateType);
        assertThat(l.attempt()).as("attempt").isEqualTo(attempt);
        assertThat(l.pluginOutput()).as("output").isEqualTo(output);
        assertThat(l.contactName()).as("contact").isEqualTo(contact);
        assertThat(l.commandName()).as("command").isEqualTo(command);
        assertThat(l.comment()).as("comment").isEqualTo(comment);
        assertThat(l.options()).isEqualTo(text.contains(": ") ? text.substring(text.indexOf(':') + 2) : "");
    }

    @ParameterizedTest
    @MethodSource("notEntries")
    void linesWithoutATimeStampAreNoEntries(String text) {
        assertThat(LogParser.parse(text, 1)).isNull();
    }

    static Stream<String> notEntries() {
        return Stream.of("", "no stamp", "[170000000] short", "[abcdefghij] SERVICE ALERT: a;b;OK;HARD;1;x",
                "[1700000000]");
    }
}
