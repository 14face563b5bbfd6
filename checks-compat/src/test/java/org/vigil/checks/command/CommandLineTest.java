package org.vigil.checks.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.command.ShellFeature.JOB_CONTROL;
import static org.vigil.checks.command.ShellFeature.PARENTHESIS;
import static org.vigil.checks.command.ShellFeature.REDIRECTION;
import static org.vigil.checks.command.ShellFeature.SUBCOMMAND;
import static org.vigil.checks.command.ShellFeature.UNTERMINATED_DOUBLE_QUOTE;
import static org.vigil.checks.command.ShellFeature.UNTERMINATED_SINGLE_QUOTE;
import static org.vigil.checks.command.ShellFeature.VARIABLE;
import static org.vigil.checks.command.ShellFeature.WILDCARD;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows marked "observed" were run by nagios4 4.4.6 through a plugin printing its argv; the others follow the same
 * state machine (libnagios runcmd_cmd2strv).
 */
class CommandLineTest {

    static Stream<Arguments> direct() {
        return Stream.of(
                Arguments.of("observed: quotes and backslashes",
                        "/p/args 'a b' \"c d\" e\\ f g\\\\h '' i'j'k \"l\"m",
                        List.of("/p/args", "a b", "c d", "e f", "g\\h", "", "ijk", "lm")),
                Arguments.of("observed: $ in single quotes", "/p/args 'q $HOME'", List.of("/p/args", "q $HOME")),
                Arguments.of("observed: escapes in double quotes", "/p/args \"dq \\\\ \\$ \\a\"",
                        List.of("/p/args", "dq \\ $ \\a")),
                Arguments.of("observed: blanks collapse", "   /p/args   lead\ttab   ", List.of("/p/args", "lead", "tab")),
                Arguments.of("observed: # ~ [ ] { } are not special", "/p/args a #f ~x [ab] {a,b} c{d}e",
                        List.of("/p/args", "a", "#f", "~x", "[ab]", "{a,b}", "c{d}e")),
                Arguments.of("observed: adjacent quotes join", "/p/args 'x'\"y\"z", List.of("/p/args", "xyz")),
                Arguments.of("observed: trailing backslash", "/p/args x\\", List.of("/p/args", "x")),
                Arguments.of("observed: unquoted backslashes", "/p/args a\\ b \"c\\d\" 'e\\f' g\\\\\"h i\"",
                        List.of("/p/args", "a b", "c\\d", "e\\f", "g\\h i")),
                Arguments.of("specials inside quotes", "/p/args '|&;()*?<>' \"|&;()*?<>\"",
                        List.of("/p/args", "|&;()*?<>", "|&;()*?<>")),
                Arguments.of("escaped specials", "/p/args \\| \\; \\* \\$x", List.of("/p/args", "|", ";", "*", "$x")),
                Arguments.of("backslash escapes a quote", "/p/args it\\'s", List.of("/p/args", "it's")),
                Arguments.of("newline separates", "/p/args a\nb", List.of("/p/args", "a", "b")),
                Arguments.of("blank inside double quotes kept", "/p/args \"a\tb\"", List.of("/p/args", "a\tb")),
                Arguments.of("lone backslash word", "/p/args \\", List.of("/p/args", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("direct")
    void splitsWithoutShell(String name, String line, List<String> argv) {
        CommandLine c = CommandLine.parse(line);
        assertThat(c.shellFeatures()).isEmpty();
        assertThat(c.viaShell()).isFalse();
        assertThat(c.execArgv()).isEqualTo(argv);
    }

    static Stream<Arguments> shell() {
        return Stream.of(
                Arguments.of("observed: output redirection", "/p/args a>/dev/null b", Set.of(REDIRECTION)),
                Arguments.of("observed: input redirection", "/p/args a<b", Set.of(REDIRECTION)),
                Arguments.of("pipe", "/p/args a | wc", Set.of(REDIRECTION)),
                Arguments.of("observed: escaped quote in double quotes", "/p/args \"x\\\"y\"",
                        Set.of(UNTERMINATED_DOUBLE_QUOTE)),
                Arguments.of("observed: variable", "/p/args $HOME", Set.of(VARIABLE)),
                Arguments.of("variable in double quotes", "/p/args \"$HOME\"", Set.of(VARIABLE)),
                Arguments.of("subcommand", "/p/args $(date)", Set.of(SUBCOMMAND, PARENTHESIS)),
                Arguments.of("backquotes", "/p/args `date`", Set.of(SUBCOMMAND)),
                Arguments.of("backquote in double quotes", "/p/args \"`date`\"", Set.of(SUBCOMMAND)),
                Arguments.of("observed: wildcard", "/p/args ~ *.none", Set.of(WILDCARD)),
                Arguments.of("question mark", "/p/args a?", Set.of(WILDCARD)),
                Arguments.of("observed: parenthesis", "/p/args (x)", Set.of(PARENTHESIS)),
                Arguments.of("job control", "/p/args a && /p/args b", Set.of(JOB_CONTROL)),
                Arguments.of("semicolon", "/p/args a; /p/args b", Set.of(JOB_CONTROL)),
                Arguments.of("observed: unterminated double quote", "/p/args \"unterminated",
                        Set.of(UNTERMINATED_DOUBLE_QUOTE)),
                Arguments.of("unterminated single quote", "/p/args 'open", Set.of(UNTERMINATED_SINGLE_QUOTE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shell")
    void needsShell(String name, String line, Set<ShellFeature> features) {
        CommandLine c = CommandLine.parse(line);
        assertThat(c.shellFeatures()).isEqualTo(features);
        assertThat(c.execArgv()).containsExactly("/bin/sh", "-c", line);
    }

    @Test
    void emptyLineHasNothingToRun() {
        assertThat(CommandLine.parse("").isEmpty()).isTrue();
        assertThat(CommandLine.parse("   ").isEmpty()).isTrue();
        assertThat(CommandLine.parse("/bin/true").isEmpty()).isFalse();
    }
}
