package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * The check switches of this feature: executing checks program-wide (a skipped check is tried an interval later,
 * a forced one still runs), per host, host group and service group; notifications of a host's services; and the
 * reasons bad lines of these commands are refused.
 */
class CheckSwitchCommandsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private PassiveScenarioTable table;

    @Test
    void stoppedServiceChecksAreSkippedAndRescheduledButForcedOnesRun() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.script.put("disk", 2);
        table.play("""
                | t   | line                                                 | expect                                  | log
                | 0   | [{now}] SCHEDULE_SVC_CHECK;web1;disk;{+10}           | disk.due=+10                            | EXTERNAL COMMAND: SCHEDULE_SVC_CHECK;web1;disk;{+10}
                | 1   | [{now}] STOP_EXECUTING_SVC_CHECKS                    | program.svcchecks=off                   | EXTERNAL COMMAND: STOP_EXECUTING_SVC_CHECKS;
                | 10  | -                                                    | disk.state=PENDING disk.due=+310        |
                | 20  | [{now}] SCHEDULE_FORCED_SVC_CHECK;web1;disk;{+30}    | disk.due=+30                            | EXTERNAL COMMAND: SCHEDULE_FORCED_SVC_CHECK;web1;disk;{+30}
                | 30  | -                                                    | disk.state=CRITICAL/SOFT/1 disk.due=+90 | SERVICE ALERT: web1;disk;CRITICAL;SOFT;1;CRITICAL - broken
                | 90  | -                                                    | disk.state=CRITICAL/SOFT/1 disk.due=+150 |
                | 100 | [{now}] START_EXECUTING_SVC_CHECKS                   | program.svcchecks=on                    | EXTERNAL COMMAND: START_EXECUTING_SVC_CHECKS;
                | 150 | -                                                    | disk.state=CRITICAL/SOFT/2 disk.due=+210 | SERVICE ALERT: web1;disk;CRITICAL;SOFT;2;CRITICAL - broken
                | 160 | [{now}] STOP_EXECUTING_HOST_CHECKS                   | program.hostchecks=off                  | EXTERNAL COMMAND: STOP_EXECUTING_HOST_CHECKS;
                | 161 | [{now}] START_EXECUTING_HOST_CHECKS                  | program.hostchecks=on                   | EXTERNAL COMMAND: START_EXECUTING_HOST_CHECKS;
                """);
    }

    @Test
    void hostHostgroupAndServicegroupSwitches() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "log_event_handlers=0\n"));
        table.play("""
                | t | line                                           | expect                                                        | log
                | 0 | [{now}] DISABLE_HOST_SVC_CHECKS;web1           | http.checks=off disk.checks=off fresh.checks=off auto.checks=off web1.checks=on http.due=- | EXTERNAL COMMAND: DISABLE_HOST_SVC_CHECKS;web1
                | 1 | [{now}] ENABLE_SERVICEGROUP_SVC_CHECKS;sg      | http.checks=off disk.checks=on                                | EXTERNAL COMMAND: ENABLE_SERVICEGROUP_SVC_CHECKS;sg
                | 2 | [{now}] ENABLE_HOSTGROUP_SVC_CHECKS;webs       | http.checks=on fresh.checks=on http.due=+2                    | EXTERNAL COMMAND: ENABLE_HOSTGROUP_SVC_CHECKS;webs
                | 3 | [{now}] DISABLE_SERVICEGROUP_SVC_CHECKS;sg     | http.checks=on disk.checks=off                                | EXTERNAL COMMAND: DISABLE_SERVICEGROUP_SVC_CHECKS;sg
                | 4 | [{now}] DISABLE_HOSTGROUP_SVC_CHECKS;webs      | http.checks=off disk.checks=off                               | EXTERNAL COMMAND: DISABLE_HOSTGROUP_SVC_CHECKS;webs
                | 5 | [{now}] ENABLE_HOST_SVC_CHECKS;web1            | http.checks=on disk.checks=on auto.checks=on                  | EXTERNAL COMMAND: ENABLE_HOST_SVC_CHECKS;web1
                | 6 | [{now}] DISABLE_HOST_SVC_NOTIFICATIONS;web1    | http.notify=off disk.notify=off web1.notify=on                | EXTERNAL COMMAND: DISABLE_HOST_SVC_NOTIFICATIONS;web1
                | 7 | [{now}] ENABLE_HOST_SVC_NOTIFICATIONS;web1     | http.notify=on disk.notify=on                                 | EXTERNAL COMMAND: ENABLE_HOST_SVC_NOTIFICATIONS;web1
                | 8 | [{now}] ENABLE_HOSTGROUP_SVC_CHECKS;web        | http.checks=on                                                | EXTERNAL COMMAND: ENABLE_HOSTGROUP_SVC_CHECKS;web // Error: External command failed -> ENABLE_HOSTGROUP_SVC_CHECKS;web // External command [{now}] ENABLE_HOSTGROUP_SVC_CHECKS;web returned error Command failed (no hostgroup 'web'; did you mean 'webs'?)
                """);
    }

    /** Bad lines of the new commands: Nagios's error kind and Vigil's reason; nothing is carried out. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # line                                                  | kind    | reason
            [1795600000] ENABLE_HOSTGROUP_SVC_CHECKS                 | FAILED  | ENABLE_HOSTGROUP_SVC_CHECKS takes 1 arguments (hostgroup_name), got 0
            [1795600000] ENABLE_HOSTGROUP_SVC_CHECKS;nogroup         | FAILED  | no hostgroup 'nogroup'
            [1795600000] DISABLE_SERVICEGROUP_SVC_CHECKS;sgg         | FAILED  | no servicegroup 'sgg'; did you mean 'sg'?
            [1795600000] DISABLE_SERVICEGROUP_SVC_CHECKS             | FAILED  | DISABLE_SERVICEGROUP_SVC_CHECKS takes 1 arguments (servicegroup_name), got 0
            [1795600000] ENABLE_SVC_EVENT_HANDLER;web1               | FAILED  | ENABLE_SVC_EVENT_HANDLER takes 2 arguments (host_name;service_description), got 1
            [1795600000] DISABLE_SVC_EVENT_HANDLER;web1;htp          | FAILED  | no service 'htp' on host 'web1'; did you mean 'http'?
            [1795600000] ENABLE_HOST_EVENT_HANDLER;web2              | FAILED  | no host 'web2'; did you mean 'web1'?
            [1795600000] DISABLE_PASSIVE_HOST_CHECKS;10.0.0.1        | FAILED  | no host '10.0.0.1'
            [1795600000] ENABLE_HOST_SVC_CHECKS;                     | FAILED  | ENABLE_HOST_SVC_CHECKS takes 1 arguments (host_name), got 0
            [1795600000] DISABLE_HOST_SVC_NOTIFICATIONS              | FAILED  | DISABLE_HOST_SVC_NOTIFICATIONS takes 1 arguments (host_name), got 0
            [1795600000] STOP_EXECUTING_SVC_CHEKS                    | UNKNOWN | Vigil does not know the command 'STOP_EXECUTING_SVC_CHEKS'; did you mean 'STOP_EXECUTING_SVC_CHECKS'?
            [1795600000]START_EXECUTING_HOST_CHECKS                  | UNKNOWN | expected one space between ']' and the command name
            """)
    void refused(String line, CommandError.Kind kind, String reason) throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, ""));
        ParseResult r = new CommandParser(table.engine.model()).parse(line, Instant.ofEpochSecond(1795000000));
        assertThat(r).isInstanceOfSatisfying(CommandError.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    /** Accepted: program-wide commands take no arguments and ignore extra ones, as Nagios does. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [1795600000] START_EXECUTING_SVC_CHECKS           | START_EXECUTING_SVC_CHECKS
            [1795600000] stop_accepting_passive_host_checks   | STOP_ACCEPTING_PASSIVE_HOST_CHECKS
            [1795600000] DISABLE_EVENT_HANDLERS;extra         | DISABLE_EVENT_HANDLERS
            [1795600000] ENABLE_SERVICEGROUP_SVC_CHECKS;sg    | ENABLE_SERVICEGROUP_SVC_CHECKS
            [1795600000] ENABLE_PASSIVE_HOST_CHECKS;gw        | ENABLE_PASSIVE_HOST_CHECKS
            """)
    void accepted(String line, CommandType type) throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, ""));
        ParseResult r = new CommandParser(table.engine.model()).parse(line, Instant.ofEpochSecond(1795000000));
        assertThat(r).isInstanceOfSatisfying(ExternalCommand.class, c -> assertThat(c.type()).isEqualTo(type));
    }
}
