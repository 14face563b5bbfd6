package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.checks.command.CommandLine;

/** The worker processes themselves: no interpreter, a worker killed between runs and while a run waits. */
class WorkerRunnerLifecycleTest {

    static final CommandLine DUMMY = CommandLine.parse("/usr/lib/nagios/plugins/check_dummy 0 ok");

    @Test
    void noInterpreterIsAnErrorAtStart() {
        assertThatThrownBy(() -> WorkerRunner.start(RunnerOptions.defaults(), 2, Path.of("/nonexistent/perl")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aKilledWorkerIsRestartedAtTheNextRun() throws Exception {
        try (WorkerRunner r = WorkerRunner.start(RunnerOptions.defaults(), 1, WorkerRunner.PERL)) {
            long first = r.workerPids().get(0);
            assertThat(r.run(DUMMY, Map.of(), Duration.ofSeconds(10)).stdout()).isEqualTo("OK: ok\n");
            ProcessHandle worker = ProcessHandle.of(first).orElseThrow();
            worker.destroyForcibly();
            worker.onExit().get();
            PluginResult again = r.run(DUMMY, Map.of(), Duration.ofSeconds(10));
            assertThat(again.exitCode()).isZero();
            assertThat(again.stdout()).isEqualTo("OK: ok\n");
            assertThat(r.workerPids().get(0)).isNotEqualTo(first);
        }
    }

    @Test
    void aRunWaitingOnAWorkerThatDiesFailsAtOnce() throws Exception {
        try (WorkerRunner r = WorkerRunner.start(RunnerOptions.defaults(), 1, WorkerRunner.PERL)) {
            long pid = r.workerPids().get(0);
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            });
            killer.start();
            long t0 = System.nanoTime();
            PluginResult res = r.run(CommandLine.parse("/bin/sleep 30"), Map.of(), Duration.ofSeconds(60));
            killer.join();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
            assertThat(res.started()).isFalse();
            assertThat(res.failure()).contains("plugin worker exited");
        }
    }
}
