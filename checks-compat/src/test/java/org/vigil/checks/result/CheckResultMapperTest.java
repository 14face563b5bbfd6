package org.vigil.checks.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.checks.exec.PluginResult;
import org.vigil.config.model.ServiceKey;

/** Each text was observed on nagios4 4.4.6 (status.dat) for a plugin behaving as in the row. */
class CheckResultMapperTest {

    static final Instant T0 = Instant.ofEpochSecond(1_795_599_500L);
    static final CheckResultMapper MAPPER = CheckResultMapper.defaults();

    static PluginResult ran(int exit, String stdout, String stderr) {
        return new PluginResult(exit, stdout, stderr, T0, T0.plusMillis(20), false, false, null);
    }

    static PluginResult timedOut(long millis) {
        return new PluginResult(137, "before sleep\n", "", T0, T0.plusMillis(millis), true, false, null);
    }

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("ok", ran(0, "OK: ok\n", ""), 0, "OK: ok"),
                Arguments.of("critical", ran(2, "CRITICAL: bad\n", ""), 2, "CRITICAL: bad"),
                Arguments.of("exit 4", ran(4, "x\n", ""), 2,
                        "(Return code of 4 for service 'svc' on host 'h1' was out of bounds)"),
                Arguments.of("exit 5", ran(5, "x\n", ""), 2,
                        "(Return code of 5 for service 'svc' on host 'h1' was out of bounds)"),
                Arguments.of("exit 255", ran(255, "x\n", ""), 2,
                        "(Return code of 255 for service 'svc' on host 'h1' was out of bounds)"),
                Arguments.of("exit 126", ran(126, "x\n", ""), 2,
                        "(Return code of 126 is out of bounds. Check if plugin is executable)"),
                Arguments.of("exit 127", ran(127, "x\n", ""), 2,
                        "(Return code of 127 is out of bounds. Check if plugin exists)"),
                Arguments.of("exit 13 (EACCES from execvp)", ran(13, "", "execvp(/etc/x, ...) failed. errno is 13: "
                        + "Permission denied\n"), 2,
                        "(Return code of 13 for service 'svc' on host 'h1' was out of bounds)"),
                Arguments.of("missing plugin (ENOENT from execvp)", ran(2, "", "execvp(/nonexistent/check_foo, ...) "
                        + "failed. errno is 2: No such file or directory\n"), 2, "(No output on stdout) stderr: "
                        + "execvp(/nonexistent/check_foo, ...) failed. errno is 2: No such file or directory"),
                Arguments.of("stderr only", ran(2, "", "only stderr\n"), 2,
                        "(No output on stdout) stderr: only stderr"),
                Arguments.of("no output at all", ran(0, "", ""), 0, "(No output on stdout) stderr:"),
                Arguments.of("stdout wins over stderr", ran(1, "to stdout\n", "to stderr\n"), 1, "to stdout"),
                Arguments.of("empty first line", ran(0, "\nsecond\n", ""), 0, "(No output returned from plugin)"),
                Arguments.of("SIGKILL", ran(137, "before kill\n", ""), 3, "before kill"),
                Arguments.of("SIGSEGV", ran(139, "before kill\n", ""), 3, "before kill"),
                Arguments.of("timeout", timedOut(2004), 2, "(Service check timed out after 2.00 seconds)"),
                Arguments.of("not started", PluginResult.notStarted("fork failed", T0), 2,
                        "(Service check did not exit properly)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void service(String name, PluginResult r, int state, String text) {
        CheckResult c = MAPPER.service(new ServiceKey("h1", "svc"), r);
        assertThat(c.exit().code()).isEqualTo(state);
        assertThat(c.output().text()).isEqualTo(text);
    }

    static Stream<Arguments> hosts() {
        return Stream.of(
                Arguments.of("up", ran(0, "exit 0 output\n", ""), 0, "exit 0 output"),
                Arguments.of("warning stays warning", ran(1, "exit 1 output\n", ""), 1, "exit 1 output"),
                Arguments.of("critical", ran(2, "down\n", ""), 2, "down"),
                Arguments.of("unknown", ran(3, "exit 3 output\n", ""), 3, "exit 3 output"),
                Arguments.of("exit 5", ran(5, "x\n", ""), 2, "(Return code of 5 for host 'h2' was out of bounds)"),
                Arguments.of("exit 126", ran(126, "", ""), 2,
                        "(Return code of 126 is out of bounds. Check if plugin is executable)"),
                Arguments.of("exit 127", ran(127, "", ""), 2,
                        "(Return code of 127 is out of bounds. Check if plugin exists)"),
                Arguments.of("SIGKILL", ran(137, "before kill\n", ""), 3, "before kill"),
                Arguments.of("empty first line", ran(0, "\nsecond\n", ""), 0,
                        "(No output returned from host check)"),
                Arguments.of("timeout", timedOut(3010), 2, "(Host check timed out after 3.01 seconds)"),
                Arguments.of("not started", PluginResult.notStarted("fork failed", T0), 2,
                        "(Host check did not exit properly)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void host(String name, PluginResult r, int code, String text) {
        CheckResult c = MAPPER.host("h2", r);
        assertThat(c.exit().code()).as("the return code, not a host state").isEqualTo(code);
        assertThat(c.output().text()).isEqualTo(text);
    }

    @Test
    void timeoutStateIsConfigurable() {
        CheckResultMapper unknown = new CheckResultMapper(PluginExit.fromOption("u"));
        assertThat(unknown.service(new ServiceKey("h1", "to"), timedOut(3010)).exit().code()).isEqualTo(3);
        assertThat(PluginExit.fromOption(null)).isEqualTo(PluginExit.CRITICAL);
    }

    @Test
    void replacementTextsDropLongOutputAndPerfdata() {
        CheckResult c = MAPPER.service(new ServiceKey("h1", "svc"), ran(5, "x | a=1\nlong\n", ""));
        assertThat(c.output().longText()).isEmpty();
        assertThat(c.output().perfData()).isEmpty();
        assertThat(c.returnCode()).isEqualTo(5);
    }
}
