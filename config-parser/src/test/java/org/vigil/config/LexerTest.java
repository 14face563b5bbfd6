package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexerTest {

    @TempDir
    Path dir;

    @Test
    void commentsEscapesAndContinuationsFollowNagiosRules() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects("""
                # a comment
                ; another comment
                define command{
                \tcommand_name\tsemi   ; trailing comment
                  command_line    /bin/echo a\\;b ; comment after an escaped semicolon
                }
                define command {
                    command_name  cont
                    command_line  /bin/echo one \\
                two
                }
                """);
        assertThat(c.errors(r)).isEmpty();
        assertThat(r.model().commands().get("semi").line()).isEqualTo("/bin/echo a;b");
        assertThat(r.model().commands().get("cont").line()).isEqualTo("/bin/echo one two");
    }

    @Test
    void hashInsideValueIsNotAComment() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects("""
                define command {
                    command_name  hash
                    command_line  /bin/echo "#1"
                }
                """);
        assertThat(r.model().commands().get("hash").line()).isEqualTo("/bin/echo \"#1\"");
    }

    @Test
    void unclosedDefinitionIsReportedAtItsStart() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects("""
                define command {
                    command_name  a
                    command_line  /bin/true
                """);
        assertThat(c.errors(r)).containsExactly(
                "objects.cfg:1: error: definition of command is never closed: end of file reached at line 3"
                        + " (expected '}')");
    }

    @Test
    void nestedDefineIsReportedAndParsingGoesOn() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects("""
                define command {
                    command_name  a
                    command_line  /bin/true
                define command {
                    command_name  b
                    command_line  /bin/false
                }
                """);
        assertThat(c.errors(r)).containsExactly("objects.cfg:4: error: a new definition starts before the previous"
                + " one (command from line 1) was closed (expected '}')");
        assertThat(r.model().commands()).containsKeys("a", "b");
    }

    @Test
    void strayTextAndMissingBraceAreErrorsWithLines() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects("""
                hello world
                define command
                }
                """);
        assertThat(c.errors(r)).containsExactly(
                "objects.cfg:1: error: unexpected text outside a definition: 'hello world' (expected 'define TYPE {')",
                "objects.cfg:2: error: '{' expected on the same line as 'define' (expected 'define TYPE {')",
                "objects.cfg:3: error: unexpected text outside a definition: '}' (expected 'define TYPE {')");
    }

    @Test
    void textAfterOpeningBraceIsIgnoredWithAWarning() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects("""
                define command { command_name lost
                    command_name  kept
                    command_line  /bin/true
                }
                """);
        assertThat(c.messages(r)).contains("objects.cfg:1: warning: 'command_name lost' after '{' is ignored, as"
                + " Nagios ignores it (expected each attribute on a line of its own)");
        assertThat(r.model().commands()).containsOnlyKeys("kept", "minimal-check");
    }

    @Test
    void unknownTypeAndAttributeSuggestTheNearName() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define hots {
                    host_name x
                }
                define host {
                    use               generic-host
                    host_name         web1
                    max_check_attemps 3
                }
                """);
        assertThat(c.errors(r)).anySatisfy(m -> assertThat(m).contains("unknown object type 'hots'")
                .contains("did you mean 'host'?"));
        assertThat(c.errors(r)).anySatisfy(m -> assertThat(m).startsWith("objects.cfg:")
                .contains("unknown host attribute 'max_check_attemps'")
                .contains("did you mean 'max_check_attempts'?"));
    }
}
