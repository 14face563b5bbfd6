package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.result.CheckResult;
import org.vigil.checks.result.CheckResultMapper;
import org.vigil.config.model.ServiceKey;

/**
 * What every runner must do, with real plugins and scripts; the expected texts are those nagios4 4.4.6 stored for
 * the same plugins. Subclassed once per runner.
 */
abstract class PluginRunnerContract {

    static final String DUMMY = "/usr/lib/nagios/plugins/check_dummy";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final CheckResultMapper MAPPER = CheckResultMapper.defaults();

    @TempDir
    Path dir;
    PluginRunner runner;

    abstract PluginRunner newRunner(RunnerOptions options);

    @BeforeEach
    void start() {
        runner = newRunner(RunnerOptions.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) runner).close();
    }

    PluginResult run(String line) {
        return runner.run(CommandLine.parse(line), Map.of(), TIMEOUT);
    }

    CheckResult service(String description, String line) {
        return MAPPER.service(new ServiceKey("h1", description), run(line));
    }

    String script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }

    @Test
    void checkDummyOk() {
        CheckResult r = service("dummy", DUMMY + " 0 ok");
        assertThat(r.exit().code()).isZero();
        assertThat(r.output().text()).isEqualTo("OK: ok");
        assertThat(r.timedOut()).isFalse();
    }

    @Test
    void checkDummyCritical() {
        CheckResult r = service("dummy", DUMMY + " 2 \"bad\"");
        assertThat(r.exit().code()).isEqualTo(2);
        assertThat(r.output().text()).isEqualTo("CRITICAL: bad");
    }

    @Test
    void missingPlugin() {
        CheckResult r = service("missing", "/nonexistent/check_foo arg");
        assertThat(r.exit().code()).isEqualTo(2);
        assertThat(r.returnCode()).isEqualTo(2);
        assertThat(r.output().text()).isEqualTo("(No output on stdout) stderr: execvp(/nonexistent/check_foo, ...) "
                + "failed. errno is 2: No such file or directory");
    }

    @Test
    void missingPluginHost() {
        CheckResult r = MAPPER.host("h4", run("/nonexistent/check_foo"));
        assertThat(r.exit().code()).as("CRITICAL, which the engine reads as DOWN").isEqualTo(2);
        assertThat(r.output().text()).startsWith("(No output on stdout) stderr: execvp(/nonexistent/check_foo, ...)");
    }

    @Test
    void missingPluginThroughTheShell() {
        CheckResult r = service("missing", "/nonexistent/check_foo $HOME");
        assertThat(r.returnCode()).isEqualTo(127);
        assertThat(r.output().text()).isEqualTo("(Return code of 127 is out of bounds. Check if plugin exists)");
    }

    @Test
    void notExecutable() throws IOException {
        Path p = dir.resolve("noexec");
        Files.writeString(p, "#!/bin/sh\necho hi\n");
        CheckResult r = service("noexec", p.toString());
        assertThat(r.returnCode()).isEqualTo(13);
        assertThat(r.output().text()).isEqualTo("(Return code of 13 for service 'noexec' on host 'h1' was out of bounds)");
    }

    @Test
    void exitCodeOutOfBounds() throws IOException {
        String exitn = script("exitn", "echo \"exit $1 output\"\nexit $1");
        CheckResult svc = service("exit5", exitn + " 5");
        assertThat(svc.exit().code()).isEqualTo(2);
        assertThat(svc.output().text()).isEqualTo("(Return code of 5 for service 'exit5' on host 'h1' was out of bounds)");
        CheckResult host = MAPPER.host("h2", run(exitn + " 5"));
        assertThat(host.exit().code()).isEqualTo(2);
        assertThat(host.output().text()).isEqualTo("(Return code of 5 for host 'h2' was out of bounds)");
        assertThat(service("exit126", exitn + " 126").output().text())
                .isEqualTo("(Return code of 126 is out of bounds. Check if plugin is executable)");
        assertThat(MAPPER.host("hw", run(exitn + " 1")).exit().code()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"environment tag", "setsid", "descendants only"})
    void timeoutKillsTheWholeTree(String mode) throws Exception {
        String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String sleeper = script("sleeper", "echo before sleep\nsleep " + marker + " &\nsleep " + marker);
        RunnerOptions o = switch (mode) {
            case "setsid" -> RunnerOptions.defaults().withSessions().withTagEnvironment(false);
            case "descendants only" -> RunnerOptions.defaults().withTagEnvironment(false);
            default -> RunnerOptions.defaults();
        };
        PluginRunner timed = newRunner(o);
        PluginResult raw = timed.run(CommandLine.parse(sleeper), Map.of(), Duration.ofMillis(700));
        ((AutoCloseable) timed).close();
        assertThat(raw.timedOut()).isTrue();
        CheckResult r = MAPPER.service(new ServiceKey("h1", "timeout"), raw);
        assertThat(r.exit().code()).isEqualTo(2);
        // the time is the one measured: 0.70 s and more (on a loaded machine the kill can come a little later)
        assertThat(r.output().text()).matches("\\(Service check timed out after \\d+\\.\\d\\d seconds\\)");
        assertThat(Double.parseDouble(r.output().text().replaceAll("[^0-9.]", ""))).isBetween(0.7, 10.0);
        assertThat(MAPPER.host("h3", raw).output().text()).startsWith("(Host check timed out after ");
        assertThat(MAPPER.host("h3", raw).exit().code()).isEqualTo(2);
        assertThat(runningAfterKill("sleep " + marker)).as("processes left behind").isZero();
    }

    @Test
    void processScanSeesLiveProcesses() throws IOException {
        // a marker of its own: the runners' contract tests run at once in two JVMs, and other builds share the host
        String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Process p = new ProcessBuilder("sleep", "42" + marker).start();
        try {
            assertThat(running("sleep 42" + marker)).isEqualTo(1);
        } finally {
            p.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"environment tag", "setsid"})
    void timeoutKillsOrphanedChildren(String mode) throws Exception {
        String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        // the subshell exits at once, so its sleep is reparented and no longer a descendant of the plugin
        String orphaner = script("orphaner", "(sleep " + marker + " &)\nsleep " + marker);
        RunnerOptions o = mode.equals("setsid") ? RunnerOptions.defaults().withSessions().withTagEnvironment(false)
                : RunnerOptions.defaults();
        PluginRunner r = newRunner(o);
        PluginResult raw = r.run(CommandLine.parse(orphaner), Map.of(), Duration.ofMillis(500));
        ((AutoCloseable) r).close();
        assertThat(raw.timedOut()).isTrue();
        assertThat(runningAfterKill("sleep " + marker)).as("processes left behind").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"environment tag", "descendants only"})
    void detachedChildHoldingStdoutCannotBlockTheRunner(String mode) throws Exception {
        String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        // a new session, no environment, and orphaned at once: only its hold on the stdout pipe gives it away
        String detacher = script("detacher", "env -i /usr/bin/setsid /bin/sleep " + marker + " &\necho done");
        RunnerOptions o = mode.equals("descendants only") ? RunnerOptions.defaults().withTagEnvironment(false)
                : RunnerOptions.defaults();
        PluginRunner r = newRunner(o);
        long t0 = System.nanoTime();
        PluginResult raw = r.run(CommandLine.parse(detacher), Map.of(), Duration.ofMillis(500));
        ((AutoCloseable) r).close();
        // Commons Exec stops reading once the plugin exits, the direct runner reads to the end of the output and
        // kills the pipe's holder at the timeout; neither may hang
        killAll("sleep " + marker);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        assertThat(raw.stdout()).isEqualTo("done\n");
    }

    static void killAll(String commandLine) {
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(commandLine)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * {@link #running}, given a killed process up to 5 s to be gone: SIGKILL is delivered at once, but on a loaded
     * machine the process can still be listed for a moment after the runner returned.
     */
    static long runningAfterKill(String commandLine) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long n = running(commandLine);
        while (n > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            n = running(commandLine);
        }
        return n;
    }

    static long running(String commandLine) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(commandLine)).orElse(false)).count();
    }

    @Test
    void outputIsCapped() throws IOException {
        String big = script("big", "head -c 1500000 /dev/zero | tr '\\0' x\necho\necho second line");
        PluginResult r = run(big);
        assertThat(r.exitCode()).isZero();
        assertThat(r.timedOut()).isFalse();
        assertThat(r.truncated()).isTrue();
        assertThat(r.stdout()).hasSize(RunnerOptions.DEFAULT_OUTPUT_LIMIT);
    }

    @Test
    void stderrOnlyWhenStdoutIsEmpty() throws IOException {
        assertThat(service("stderronly", script("e1", "echo only stderr >&2\nexit 2")).output().text())
                .isEqualTo("(No output on stdout) stderr: only stderr");
        assertThat(service("stderr", script("e2", "echo to stderr >&2\necho to stdout\nexit 1")).output().text())
                .isEqualTo("to stdout");
        assertThat(service("empty", script("e3", "exit 0")).output().text()).isEqualTo("(No output on stdout) stderr:");
    }

    @Test
    void multiLineOutputWithPerfdata() throws IOException {
        CheckResult r = service("multi", script("multi", "printf 'OK | a=1\\nlong1\\nlong2 | b=2\\nc=3\\n'"));
        assertThat(r.output().text()).isEqualTo("OK");
        assertThat(r.output().longText()).isEqualTo("long1\nlong2 ");
        assertThat(r.output().perfData()).isEqualTo("a=1  b=2 c=3");
    }

    @Test
    void killedBySignalIsUnknownWithItsOutput() throws IOException {
        CheckResult r = service("kill9", script("kill9", "echo before kill\nkill -9 $$"));
        assertThat(r.exit().code()).isEqualTo(3);
        assertThat(r.output().text()).isEqualTo("before kill");
    }

    @Test
    void environmentIsAdded() throws IOException {
        String env = script("env", "echo \"$NAGIOS_HOSTNAME ${PATH:+path}\"");
        PluginResult r = runner.run(CommandLine.parse(env), Map.of("NAGIOS_HOSTNAME", "h1"), TIMEOUT);
        assertThat(r.stdout()).isEqualTo("h1 path\n");
    }

    @Test
    void oversizedEnvironmentFailsLikeExecvp() {
        // nagios4 gave "(Return code of 7 ... was out of bounds)" when its environment macros grew past the limit
        PluginResult raw = runner.run(CommandLine.parse(DUMMY + " 0 ok"), Map.of("NAGIOS_BIG", "x".repeat(200_000)),
                TIMEOUT);
        assertThat(raw.exitCode()).isEqualTo(7);
        assertThat(raw.stderr()).startsWith("execvp(" + DUMMY + ", ...) failed. errno is 7: ");
        assertThat(MAPPER.service(new ServiceKey("h1", "big"), raw).output().text())
                .isEqualTo("(Return code of 7 for service 'big' on host 'h1' was out of bounds)");
    }

    @Test
    void directArgvKeepsQuotedWords() throws IOException {
        String args = script("args", "for a in \"$@\"; do printf '[%s]' \"$a\"; done");
        assertThat(run(args + " 'a b' \"c d\" e\\ f '' x").stdout()).isEqualTo("[a b][c d][e f][][x]");
    }

    @Test
    void worksWithoutSetsid() throws Exception {
        try (AutoCloseable plain = (AutoCloseable) newRunner(RunnerOptions.defaults().withSetsid(null))) {
            PluginResult r = ((PluginRunner) plain).run(CommandLine.parse(DUMMY + " 1 warn"), Map.of(), TIMEOUT);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stdout()).isEqualTo("WARNING: warn\n");
        }
    }
}
