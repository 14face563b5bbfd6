package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        PluginRunner r = PluginRunners.create("", RunnerOptions.defaults());
        try {
            assertThat(r).isInstanceOf(NativeRunner.class);
            assertThat(PluginRunners.describe(r)).isEqualTo("native posix_spawn");
        } finally {
            ((AutoCloseable) r).close();
        }
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
    void eachRunCarriesItsOwnTag() throws Exception {
        String s = script("tag", "echo \"$" + ProcessTree.TAG + "|$HOME\"");
        String first = run(s).stdout();
        String second = run(s).stdout();
        String home = "|" + System.getenv().getOrDefault("HOME", "") + "\n";
        assertThat(first).matches(ProcessHandle.current().pid() + "-[0-9a-f]+-[0-9]+\\Q" + home + "\\E");
        assertThat(second).endsWith(home).isNotEqualTo(first);
    }

    @Test
    void signalsAreDefaultInThePlugin() throws Exception {
        // the JVM's own handlers and blocked signals must not leak: a TERM sent to itself ends the plugin
        String s = script("term", "echo before\nkill -TERM $$\necho after");
        PluginResult r = runner.run(CommandLine.parse(s), Map.of(), Duration.ofSeconds(5));
        assertThat(r.exitCode()).isEqualTo(128 + 15);
        assertThat(r.stdout()).isEqualTo("before\n");
    }

    @Test
    void manyConcurrentRunsLeaveNoDescriptorNoChildAndNoZombie() throws Exception {
        String slow = script("slow", "echo start\nsleep 5");
        String quick = script("quick", "echo out; echo err >&2; exit 1");
        long fdsBefore = openDescriptors();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<PluginResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean timesOut = i % 20 == 0;
                String line = timesOut ? slow : i % 2 == 0 ? quick : DUMMY + " 2 crit";
                Duration t = timesOut ? Duration.ofMillis(300) : TIMEOUT;
                runs.add(pool.submit(() -> runner.run(CommandLine.parse(line), Map.of("NAGIOS_X", "1"), t)));
            }
            for (int i = 0; i < runs.size(); i++) {
                PluginResult r = runs.get(i).get();
                if (i % 20 == 0) {
                    assertThat(r.timedOut()).isTrue();
                    assertThat(r.stdout()).isEqualTo("start\n");
                } else if (i % 2 == 0) {
                    assertThat(r.exitCode()).isEqualTo(1);
                    assertThat(r.stdout()).isEqualTo("out\n");
                } else {
                    assertThat(r.exitCode()).isEqualTo(2);
                    assertThat(r.stdout()).isEqualTo("CRITICAL: crit\n");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // every child was reaped (a zombie is still a child) and every pipe closed
        assertThat(ProcessHandle.current().children().count()).isZero();
        assertThat(openDescriptors()).isLessThanOrEqualTo(fdsBefore + 2);
    }

    private static long openDescriptors() throws java.io.IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void beginStartsThePluginsAndOneThreadSeesEachToItsEnd() throws Exception {
        // stdout empty, so each result's stderr is its own run's: no two runs going at once share a scratch file
        String s = script("own-stderr", "echo \"err $1\" >&2\nsleep 0.4\nexit $(($1 % 3))");
        long t0 = System.nanoTime();
        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Begun<PluginResult> begun = runner.begin(CommandLine.parse(s + " " + i), Map.of(), TIMEOUT);
            assertThat(begun).as("spawned here, ended elsewhere").isInstanceOf(Begun.Started.class);
            runs.add(((Begun.Started<PluginResult>) begun).stage().toCompletableFuture()
                    .thenApply(r -> r.exitCode() + "|" + r.stderr() + "|" + Thread.currentThread().getName()));
        }
        assertThat((System.nanoTime() - t0) / 1e9).as("20 begins wait for no plugin").isLessThan(0.4);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).get(10, TimeUnit.SECONDS))
                    .isEqualTo(i % 3 + "|err " + i + "\n|vigil-plugin-exits");
        }
        assertThat((System.nanoTime() - t0) / 1e9).as("the 20 ran at once").isLessThan(4);
        assertThat(ProcessHandle.current().children().count()).as("all reaped").isZero();
    }
}
