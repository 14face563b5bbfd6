package org.vigil.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.WorkerResult;

/** Real plugin runs mapped as mod_gearman's execute_safe_command maps them. */
class CheckOutcomeTest {

    private static final CheckJob HOST = CheckJob.host("check_results", "host", "h1", GmTime.ofEpochMicros(0), 10, "x");

    private static WorkerResult run(String line) {
        PluginResult run = PluginRunners.create(RunnerOptions.defaults())
                .run(CommandLine.parse(line), Map.of(), Duration.ofSeconds(5));
        return CheckOutcome.of(HOST, run, "w1");
    }

    /**
     * Through the shell (the redirection asks for it) a missing program exits 127; run directly, the shared runner
     * reports it as Nagios's worker does (execvp text, exit 2), as for local execution.
     */
    @Test
    void aMissingPluginRunThroughTheShellIsCriticalWithModGearmansText() {
        WorkerResult r = run("/usr/lib/nagios/plugins/check_does_not_exist_here 2>&1");
        assertThat(r.returnCode()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("CRITICAL: Return code of 127 is out of bounds. Make sure the plugin"
                + " you're trying to run actually exists. (worker: w1)");
    }

    @Test
    void aKilledPluginNamesItsSignalAndKeepsItsOutput(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("check_dies");
        Files.writeString(script, "#!/bin/sh\necho partial\nkill -9 $$\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        WorkerResult r = run(script.toString());
        assertThat(r.returnCode()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("CRITICAL: Return code of 137 is out of bounds. Plugin exited by signal"
                + " SIGKILL. (worker: w1)\npartial");
    }

    @Test
    void aCodeAboveThreeIsCritical() {
        WorkerResult r = run("/bin/sh -c 'echo odd; exit 7'");
        assertThat(r.returnCode()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("CRITICAL: Return code of 7 is out of bounds. (worker: w1)\nodd");
        assertThat(r.serviceDescription()).isEmpty();
        assertThat(r.exitedOk()).isTrue();
    }
}
