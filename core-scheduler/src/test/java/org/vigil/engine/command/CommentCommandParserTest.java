package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.engine.testkit.TestConfig;

/**
 * The comment and acknowledgement commands as the parser reads them: Nagios 4.4.6 reads the comment to the
 * end of the line (semicolons included) and the author up to the next semicolon (possibly empty); flags that
 * are not numbers, which Nagios reads as 0, and comment ids that are not numbers from 1 fail with the reason.
 */
class CommentCommandParserTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    static Path dir;

    private static CommandParser parser;

    @BeforeAll
    static void load() throws Exception {
        parser = new CommandParser(TestConfig.load(dir, "", TestConfig.WEB1).model());
    }

    /** Accepted lines: the type and the arguments, joined by {@code |}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', quoteCharacter = '`', textBlock = """
            # line                                                               ! type                         ! args
            [1795600000] ADD_HOST_COMMENT;web1;1;alice;rack 4; slot 2            ! ADD_HOST_COMMENT             ! web1|1|alice|rack 4; slot 2
            [1795600000] ADD_SVC_COMMENT;web1;http;0;alice;see ticket 12         ! ADD_SVC_COMMENT              ! web1|http|0|alice|see ticket 12
            [1795600000] ADD_SVC_COMMENT;web1;http;1;;                           ! ADD_SVC_COMMENT              ! web1|http|1||
            [1795600000] add_host_comment;web1;7;bob;lower case                  ! ADD_HOST_COMMENT             ! web1|7|bob|lower case
            [1795600000] DEL_HOST_COMMENT;12                                     ! DEL_HOST_COMMENT             ! 12
            [1795600000] DEL_SVC_COMMENT;3                                       ! DEL_SVC_COMMENT              ! 3
            [1795600000] DEL_ALL_HOST_COMMENTS;web1                              ! DEL_ALL_HOST_COMMENTS        ! web1
            [1795600000] DEL_ALL_SVC_COMMENTS;web1;disk                          ! DEL_ALL_SVC_COMMENTS         ! web1|disk
            [1795600000] ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;1;hal;on it; ETA 5m   ! ACKNOWLEDGE_HOST_PROBLEM     ! web1|2|1|1|hal|on it; ETA 5m
            [1795600000] ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;0;0;alice;x         ! ACKNOWLEDGE_SVC_PROBLEM      ! web1|http|1|0|0|alice|x
            [1795600000] ACKNOWLEDGE_SVC_PROBLEM;web1;http;5;-1;9;alice;         ! ACKNOWLEDGE_SVC_PROBLEM      ! web1|http|5|-1|9|alice|
            [1795600000] REMOVE_HOST_ACKNOWLEDGEMENT;web1                        ! REMOVE_HOST_ACKNOWLEDGEMENT  ! web1
            [1795600000] REMOVE_SVC_ACKNOWLEDGEMENT;web1;http;extra              ! REMOVE_SVC_ACKNOWLEDGEMENT   ! web1|http|extra
            [1795600000] SEND_CUSTOM_SVC_NOTIFICATION;web1;http;6;ops;call; now  ! SEND_CUSTOM_SVC_NOTIFICATION ! web1|http|6|ops|call; now
            [1795600000] SEND_CUSTOM_HOST_NOTIFICATION;web1;0;ops;hi             ! SEND_CUSTOM_HOST_NOTIFICATION ! web1|0|ops|hi
            """)
    void accepted(String line, CommandType type, String args) {
        ParseResult r = parser.parse(line, NOW);
        assertThat(r).isInstanceOf(ExternalCommand.class);
        ExternalCommand c = (ExternalCommand) r;
        assertThat(c.type()).isEqualTo(type);
        assertThat(String.join("|", c.args())).isEqualTo(args == null ? "" : args);
        assertThat(c.submitted()).isEqualTo(Instant.ofEpochSecond(1795600000));
    }

    /** Refused lines: each fails the command (Nagios's {@code Command failed}) with Vigil's reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', quoteCharacter = '`', textBlock = """
            # line                                                        ! reason
            [1795600000] ADD_HOST_COMMENT;web1;1;alice                    ! ADD_HOST_COMMENT takes 4 arguments (host_name;persistent;author;comment), got 3
            [1795600000] ADD_HOST_COMMENT;web2;1;alice;x                  ! no host 'web2'; did you mean 'web1'?
            [1795600000] ADD_HOST_COMMENT;web1;yes;alice;x                ! persistent 'yes' is not a number (1 yes, 0 no)
            [1795600000] ADD_SVC_COMMENT;web1;htp;1;alice;x               ! no service 'htp' on host 'web1'; did you mean 'http'?
            [1795600000] ADD_SVC_COMMENT;10.0.0.1;http;1;alice;x          ! no host '10.0.0.1'
            [1795600000] DEL_HOST_COMMENT                                 ! DEL_HOST_COMMENT takes 1 arguments (comment_id), got 0
            [1795600000] DEL_HOST_COMMENT;0                               ! comment id '0' is not a number from 1
            [1795600000] DEL_SVC_COMMENT;abc                              ! comment id 'abc' is not a number from 1
            [1795600000] DEL_SVC_COMMENT;-4                               ! comment id '-4' is not a number from 1
            [1795600000] DEL_ALL_SVC_COMMENTS;web1                        ! DEL_ALL_SVC_COMMENTS takes 2 arguments (host_name;service_description), got 1
            [1795600000] DEL_ALL_HOST_COMMENTS;nohost                     ! no host 'nohost'
            [1795600000] ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;0;0;alice    ! ACKNOWLEDGE_SVC_PROBLEM takes 7 arguments (host_name;service_description;sticky;notify;persistent;author;comment), got 6
            [1795600000] ACKNOWLEDGE_HOST_PROBLEM;web1;sticky;1;1;hal;x   ! sticky 'sticky' is not a number (2 sticky, 1 normal)
            [1795600000] ACKNOWLEDGE_HOST_PROBLEM;web1;2;y;1;hal;x        ! notify 'y' is not a number (1 yes, 0 no)
            [1795600000] ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;;hal;x         ! persistent '' is not a number (1 yes, 0 no)
            [1795600000] ACKNOWLEDGE_SVC_PROBLEM;web1;nosvc;1;0;0;alice;x ! no service 'nosvc' on host 'web1'
            [1795600000] REMOVE_SVC_ACKNOWLEDGEMENT;web1                  ! REMOVE_SVC_ACKNOWLEDGEMENT takes 2 arguments (host_name;service_description), got 1
            [1795600000] REMOVE_HOST_ACKNOWLEDGEMENT;nohost               ! no host 'nohost'
            [1795600000] SEND_CUSTOM_HOST_NOTIFICATION;web1;x;ops;hi      ! options 'x' is not a number (1 broadcast, 2 forced, 4 increment)
            [1795600000] SEND_CUSTOM_SVC_NOTIFICATION;web1;http;1;ops     ! SEND_CUSTOM_SVC_NOTIFICATION takes 5 arguments (host_name;service_description;options;author;comment), got 4
            """)
    void refused(String line, String reason) {
        ParseResult r = parser.parse(line, NOW);
        assertThat(r).isInstanceOf(CommandError.class);
        CommandError e = (CommandError) r;
        assertThat(e.kind()).isEqualTo(CommandError.Kind.FAILED);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.warning()).isNull();
    }
}
