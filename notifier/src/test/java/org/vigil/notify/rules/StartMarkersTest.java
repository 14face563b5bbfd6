package org.vigil.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;

/** A guarded command starts once per journal entry and command, however often it is delivered, with real processes. */
class StartMarkersTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private PluginResult run(PluginRunner runner, CommandLine line) {
        return runner.run(line, Map.of(), Duration.ofSeconds(10));
    }

    @Test
    void aGuardedCommandRunsOnceAndItsExitCodeAndOutputAreTheCommands() throws Exception {
        StartMarkers markers = StartMarkers.in(dir.resolve("started"), log::add).orElseThrow();
        Path out = dir.resolve("out.txt");
        CommandLine shell = CommandLine.parse("/bin/sh -c 'echo sent >> " + out + "; echo said; exit 3'");
        CommandLine direct = CommandLine.parse("/bin/echo direct");
        try (AutoCloseable closing = (AutoCloseable) PluginRunners.create(RunnerOptions.defaults())) {
            PluginRunner runner = (PluginRunner) closing;
            PluginResult first = run(runner, markers.guard(shell, 41, 0));
            PluginResult again = run(runner, markers.guard(shell, 41, 0));
            PluginResult otherEntry = run(runner, markers.guard(shell, 42, 0));
            PluginResult directRun = run(runner, markers.guard(direct, 41, 1));

            assertThat(first.exitCode()).isEqualTo(3);
            assertThat(first.stdout()).contains("said");
            assertThat(again.exitCode()).as("already started: does nothing").isZero();
            assertThat(otherEntry.exitCode()).isEqualTo(3);
            assertThat(directRun.stdout()).contains("direct");
        }
        assertThat(Files.readAllLines(out)).containsExactly("sent", "sent");
        assertThat(log).isEmpty();
    }

    @Test
    void anUnwritableMarkerDirectoryDoesNotStopTheCommand() throws Exception {
        StartMarkers markers = StartMarkers.in(dir.resolve("started"), log::add).orElseThrow();
        Files.delete(dir.resolve("started")); // the marker cannot be created, and does not exist
        try (AutoCloseable closing = (AutoCloseable) PluginRunners.create(RunnerOptions.defaults())) {
            PluginResult r = run((PluginRunner) closing, markers.guard(CommandLine.parse("/bin/echo still"), 1, 0));
            assertThat(r.stdout()).contains("still");
        }
    }

    @Test
    void forgetAndKeepOnlyDeleteTheMarkersOfSettledEntries() throws Exception {
        Path started = dir.resolve("started");
        StartMarkers markers = StartMarkers.in(started, log::add).orElseThrow();
        for (String name : List.of("5-0", "5-1", "6-0", "7-0", "junk")) {
            Files.writeString(started.resolve(name), "");
        }
        markers.forget(5, 2);
        assertThat(names(started)).containsExactlyInAnyOrder("6-0", "7-0", "junk");
        markers.keepOnly(Set.of(7L));
        assertThat(names(started)).containsExactly("7-0");
    }

    private static List<String> names(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
