package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.engine.testkit.TestConfig;

/**
 * Lines of the command file as Nagios 4.4.6 reads them (each case observed by writing it to nagios4's
 * command file), and what Vigil adds: the reason a line is refused.
 */
class CommandParserTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    static Path dir;

    private static CommandParser parser;

    @BeforeAll
    static void load() throws Exception {
        parser = new CommandParser(TestConfig.load(dir, "", TestConfig.WEB1).model());
    }

    /** Accepted lines: the type, the {@code EXTERNAL COMMAND:} text, the arguments and the entry time. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # line                                                          | type                         | logged text                                         | args | time
            `[1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - down|t=1` | PROCESS_SERVICE_CHECK_RESULT | `PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT - down|t=1` | 4 | 1795600000
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;a;b;c      | PROCESS_SERVICE_CHECK_RESULT | PROCESS_SERVICE_CHECK_RESULT;web1;http;0;a;b;c      | 4    | 1795600000
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;http;1;           | PROCESS_SERVICE_CHECK_RESULT | PROCESS_SERVICE_CHECK_RESULT;web1;http;1;           | 4    | 1795600000
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;http;7;big code  | PROCESS_SERVICE_CHECK_RESULT | PROCESS_SERVICE_CHECK_RESULT;web1;http;7;big code   | 4    | 1795600000
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;10.0.0.1;http;0;by address | PROCESS_SERVICE_CHECK_RESULT | PROCESS_SERVICE_CHECK_RESULT;10.0.0.1;http;0;by address | 4 | 1795600000
            [1795600000] process_service_check_result;web1;http;1;lower      | PROCESS_SERVICE_CHECK_RESULT | process_service_check_result;web1;http;1;lower      | 4    | 1795600000
            [abc] PROCESS_HOST_CHECK_RESULT;web1;1;down                      | PROCESS_HOST_CHECK_RESULT    | PROCESS_HOST_CHECK_RESULT;web1;1;down               | 3    | 1795000000
            `  [1795600000] ENABLE_SVC_CHECK;web1;http\r`                     | ENABLE_SVC_CHECK             | ENABLE_SVC_CHECK;web1;http                          | 2    | 1795600000
            [1795600000] DISABLE_SVC_CHECK;web1;http;extra;more              | DISABLE_SVC_CHECK            | DISABLE_SVC_CHECK;web1;http;extra;more              | 4    | 1795600000
            [1795600000] ENABLE_NOTIFICATIONS                                | ENABLE_NOTIFICATIONS         | ENABLE_NOTIFICATIONS;                               | 0    | 1795600000
            [1795600000] DISABLE_NOTIFICATIONS;extra                         | DISABLE_NOTIFICATIONS        | DISABLE_NOTIFICATIONS;extra                         | 1    | 1795600000
            [1795600000] ENTER_STANDBY_MODE                                  | DISABLE_NOTIFICATIONS        | ENTER_STANDBY_MODE;                                 | 0    | 1795600000
            [1795600000] SCHEDULE_FORCED_SVC_CHECK;web1;http;1795600100      | SCHEDULE_FORCED_SVC_CHECK    | SCHEDULE_FORCED_SVC_CHECK;web1;http;1795600100      | 3    | 1795600000
            [1795600000] SCHEDULE_HOST_SVC_CHECKS;web1;0                     | SCHEDULE_HOST_SVC_CHECKS     | SCHEDULE_HOST_SVC_CHECKS;web1;0                     | 2    | 1795600000
            [1795600000] _MY_MODULE_COMMAND;a;b                              | CUSTOM                       | _MY_MODULE_COMMAND;a;b                              | 2    | 1795600000
            """)
    void accepted(String line, CommandType type, String text, int args, long time) {
        ParseResult r = parser.parse(line.replace("\\r", "\r"), Instant.ofEpochSecond(1795000000));
        assertThat(r).isInstanceOf(ExternalCommand.class);
        ExternalCommand c = (ExternalCommand) r;
        assertThat(c.type()).isEqualTo(type);
        assertThat(c.text()).isEqualTo(text);
        assertThat(c.args()).hasSize(args);
        assertThat(c.submitted()).isEqualTo(Instant.ofEpochSecond(time));
    }

    /** Refused lines: Nagios's error kind and Vigil's reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # line                                                  | kind      | reason
            PROCESS_SERVICE_CHECK_RESULT;web1;http;0;no timestamp    | MALFORMED | a command line starts with '[timestamp] '
            [1795600000 PROCESS_SERVICE_CHECK_RESULT;web1;http;0;x   | MALFORMED | no ']' after the timestamp
            [1795600000]                                             | MALFORMED | no command name after the timestamp
            `\u0001\u0002\u00ff junk`                                  | MALFORMED | a command line starts with '[timestamp] '
            [1795600000] FOO_BAR;a;b                                 | UNKNOWN   | Vigil does not know the command 'FOO_BAR'
            [1795600000] DISABLE_SVC_CHEK;web1;http                  | UNKNOWN   | Vigil does not know the command 'DISABLE_SVC_CHEK'; did you mean 'DISABLE_SVC_CHECK'?
            [1795600000] CHANGE_CUSTOM_SVC_VAR;web1;http;_X;1           | UNKNOWN   | 'CHANGE_CUSTOM_SVC_VAR' is a Nagios command that Vigil does not carry out yet
            [1795600000] CUSTOM;x                                    | UNKNOWN   | Vigil does not know the command 'CUSTOM'
            [1795600000] ;empty name                                 | UNKNOWN   | no command name
            [1795600000]PROCESS_SERVICE_CHECK_RESULT;web1;http;0;x   | UNKNOWN   | expected one space between ']' and the command name
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;http      | FAILED    | PROCESS_SERVICE_CHECK_RESULT takes 4 arguments (host_name;service_description;return_code;plugin_output), got 2
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;http;1    | FAILED    | PROCESS_SERVICE_CHECK_RESULT takes 4 arguments (host_name;service_description;return_code;plugin_output), got 3
            [1795600000] DISABLE_SVC_CHECK                           | FAILED    | DISABLE_SVC_CHECK takes 2 arguments (host_name;service_description), got 0
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;nohost;http;0;x | FAILED   | no host 'nohost'
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web2;http;0;x  | FAILED    | no host 'web2'; did you mean 'web1'?
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;htp;0;x   | FAILED    | no service 'htp' on host 'web1'; did you mean 'http'?
            [1795600000] PROCESS_SERVICE_CHECK_RESULT;web1;http;x;x  | FAILED    | return code 'x' is not a number (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)
            [1795600000] PROCESS_HOST_CHECK_RESULT;web1;5;five       | FAILED    | host state '5' is not 0 (UP), 1 (DOWN) or 2 (UNREACHABLE)
            [1795600000] PROCESS_HOST_CHECK_RESULT;10.0.0.2;1;x      | FAILED    | no host '10.0.0.2'
            [1795600000] SCHEDULE_SVC_CHECK;web1;http;abc            | FAILED    | time 'abc' is not a number of seconds since 1970
            [1795600000] SCHEDULE_HOST_CHECK;nohost;1795600000       | FAILED    | no host 'nohost'
            [1795600000] ENABLE_HOST_CHECK;10.0.0.1                  | FAILED    | no host '10.0.0.1'
            """)
    void refused(String line, CommandError.Kind kind, String reason) {
        ParseResult r = parser.parse(line, NOW);
        assertThat(r).isInstanceOf(CommandError.class);
        CommandError e = (CommandError) r;
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Test
    void junkIsShownWithoutControlCharacters() {
        CommandError e = (CommandError) parser.parse("\u0001\u0002 junk\u001b[0m", NOW);
        assertThat(e.line()).isEqualTo("?? junk?[0m");
    }

    @Test
    void passiveResultsForUnknownObjectsCarryNagiosWarning() {
        assertThat(((CommandError) parser.parse("[1] PROCESS_SERVICE_CHECK_RESULT;nohost;http;0;x", NOW)).warning())
                .isEqualTo("Warning:  Passive check result was received for service 'http' on host 'nohost', "
                        + "but the host could not be found!");
        assertThat(((CommandError) parser.parse("[1] PROCESS_SERVICE_CHECK_RESULT;web1;nosvc;0;x", NOW)).warning())
                .isEqualTo("Warning:  Passive check result was received for service 'nosvc' on host 'web1', "
                        + "but the service could not be found!");
        assertThat(((CommandError) parser.parse("[1] PROCESS_HOST_CHECK_RESULT;nohost;1;x", NOW)).warning())
                .isEqualTo("Warning:  Passive check result was received for host 'nohost', "
                        + "but the host could not be found!");
        assertThat(((CommandError) parser.parse("[1] DISABLE_SVC_CHECK;web1;nosvc", NOW)).warning()).isNull();
    }

    @Test
    void commandsBuiltInsideVigilAreCheckedTheSameWay() {
        assertThat(parser.check(ExternalCommand.of(CommandType.DISABLE_SVC_CHECK, NOW, "web1", "http")))
                .isInstanceOf(ExternalCommand.class);
        ParseResult bad = parser.check(ExternalCommand.of(CommandType.DISABLE_SVC_CHECK, NOW, "web1", "nosvc"));
        assertThat(bad).isInstanceOf(CommandError.class);
        assertThat(((CommandError) bad).line()).isEqualTo("[" + NOW.getEpochSecond()
                + "] DISABLE_SVC_CHECK;web1;nosvc");
        assertThat(List.of(CommandType.values())).filteredOn(t -> t != CommandType.CUSTOM)
                .allSatisfy(t -> assertThat(CommandType.named(t.name().toLowerCase())).contains(t));
        // every command is Nagios 4's, but the acknowledgements with an end time, which are Icinga 1's and Naemon's
        List<CommandType> extensions = List.of(CommandType.ACKNOWLEDGE_HOST_PROBLEM_EXPIRE,
                CommandType.ACKNOWLEDGE_SVC_PROBLEM_EXPIRE);
        assertThat(List.of(CommandType.values())).filteredOn(t -> t != CommandType.CUSTOM && !extensions.contains(t))
                .allSatisfy(t -> assertThat(NagiosCommands.NAMES).contains(t.name()));
        assertThat(extensions).allSatisfy(t -> assertThat(NagiosCommands.NAMES).doesNotContain(t.name()));
    }

    /** Found by CommandParserFuzzTest: a ';' where the space after ']' belongs threw StringIndexOutOfBounds. */
    @Test
    void semicolonRightAfterTheTimestampIsRefusedWithAReason() {
        ParseResult r = parser.parse("[];", NOW);

        assertThat(r).isInstanceOf(CommandError.class);
        assertThat(((CommandError) r).reason()).isEqualTo("expected one space between ']' and the command name");
    }
}
