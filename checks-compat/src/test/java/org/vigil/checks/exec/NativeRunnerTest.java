package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.checks.command.CommandLine;

/**
 * The native runner passes the same contract as the others. The build compiles its library wherever tests run
 * (gcc is one of the packages {@code bin/test} installs), so it must be there: not available is a failure here.
 */
class NativeRunnerTest extends PluginRunnerContract {

    @Override
    PluginRunner newRunner(RunnerOptions options) {
        assertThat(NativeRunner.available()).as("native spawner: %s", NativeRunner.whyUnavailable()).isTrue();
        return new NativeRunner(options);
    }

    @Test
    void isTheDefault() throws Exception {
        try (AutoCloseable r = (AutoCloseable) PluginRunners.create("", RunnerOptions.defaults())) {
            assertThat(r).isInstanceOf(NativeRunner.class);
        }
        assertThat(PluginRunners.describe()).isEqualTo("native posix_spawn");
    }

    @Test
    void pluginLeadsItsOwnProcessGroup() throws Exception {
        String s = script("pgrp", "ps -o pid=,pgid=,sid= -p $$");
        String[] f = run(s).stdout().trim().split("\\s+");
        assertThat(f[1]).as("process group").isEqualTo(f[0]);
        assertThat(f[2]).as("session").isNotEqualTo(f[0]);
        try (AutoCloseable sessions = (AutoCloseable) newRunner(RunnerOptions.defaults().withSessions())) {
            String[] g = ((PluginRunner) sessions).run(CommandLine.parse(s), Map.of(), TIMEOUT).stdout().trim()
                    .split("\\s+");
            assertThat(g[2]).as("session").isEqualTo(g[0]);
        }
    }

    @Test
    void inheritsNoDescriptorOfTheJvm() throws Exception {
        Path held = dir.resolve("held");
        Files.writeString(held, "x");
        try (var open = Files.newInputStream(held)) {
            // ls's own listing of the directory is its descriptor 3; everything above would be inherited
            assertThat(run("/bin/ls -1 /proc/self/fd").stdout().split("\n")).containsExactly("0", "1", "2", "3");
        }
    }

    @Test
    void additionsReplaceTheJvmsOwnVariables() throws Exception {
        String s = script("path", "echo \"$PATH|$HOME\"");
        PluginResult r = runner.run(CommandLine.parse(s), Map.of("PATH", "/opt/x:/usr/bin:/bin"), TIMEOUT);
        assertThat(r.stdout()).isEqualTo("/opt/x:/usr/bin:/bin|" + System.getenv().getOrDefault("HOME", "") + "\n");
    }

    @Test
    void signalsAreDefaultInThePlugin() throws Exception {
        // the JVM's own handlers and blocked signals must not leak: a TERM sent to itself ends the plugin
        String s = script("term", "echo before\nkill -TERM $$\necho after");
        PluginResult r = runner.run(CommandLine.parse(s), Map.of(), Duration.ofSeconds(5));
        assertThat(r.exitCode()).isEqualTo(128 + 15);
        assertThat(r.stdout()).isEqualTo("before\n");
    }
}
