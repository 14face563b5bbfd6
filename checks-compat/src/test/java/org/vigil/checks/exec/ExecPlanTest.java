package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.checks.command.CommandLine;

class ExecPlanTest {

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("/usr/lib/nagios/plugins/check_dummy", Map.of(), null),
                Arguments.of("/nonexistent/check_foo", Map.of(),
                        "execvp(/nonexistent/check_foo, ...) failed. errno is 2: No such file or directory\n"),
                Arguments.of("/etc/passwd", Map.of(), "execvp(/etc/passwd, ...) failed. errno is 13: Permission denied\n"),
                Arguments.of("/usr/lib", Map.of(), "execvp(/usr/lib, ...) failed. errno is 13: Permission denied\n"),
                Arguments.of("sh", Map.of("PATH", "/usr/lib:/bin"), null),
                Arguments.of("check_dummy", Map.of("PATH", "/usr/lib/nagios/plugins"), null),
                Arguments.of("check_dummy", Map.of("PATH", "/bin"),
                        "execvp(check_dummy, ...) failed. errno is 2: No such file or directory\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void checksLikeExecvp(String program, Map<String, String> env, String stderr) {
        assertThat(ExecPlan.checkExecutable(program, env).map(ExecPlan.PluginFailure::stderr))
                .isEqualTo(Optional.ofNullable(stderr));
    }

    @Test
    void readsTheErrnoOfAJavaLaunchError() {
        assertThat(ExecPlan.fromLaunchError("/x", "Cannot run program \"/x\": error=7, Argument list too long"))
                .contains(new ExecPlan.PluginFailure(7, "execvp(/x, ...) failed. errno is 7: Argument list too long\n"));
        assertThat(ExecPlan.fromLaunchError("/x", "Too many open files")).isEmpty();
    }

    @Test
    void wrapsInSetsidOnlyWhenAsked() {
        CommandLine line = CommandLine.parse("/bin/true a");
        assertThat(ExecPlan.of(line, Map.of(), null).argv()).containsExactly("/bin/true", "a");
        assertThat(ExecPlan.of(line, Map.of(), RunnerOptions.SETSID).argv())
                .containsExactly("/usr/bin/setsid", "-w", "/bin/true", "a");
        assertThat(ExecPlan.of(CommandLine.parse("/bin/true | cat"), Map.of(), null).argv())
                .containsExactly("/bin/sh", "-c", "/bin/true | cat");
    }
}
