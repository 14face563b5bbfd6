package org.vigil.checks.builtin.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.builtin.BuiltinRunner;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;

/**
 * Many runs of each TCP check at once, started as the engine starts them ({@link BuiltinRunner#start}), against a
 * target that accepts and never answers: every start returns at once, the runs wait on the event loop without a
 * thread each, and every one ends at its {@code -t} with the plugin's timeout result, or at the engine's timeout
 * when that is shorter, as a killed plugin.
 */
class TcpChecksHoldNoThreadTest {

    private static final int RUNS = 200;
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(60);
    /** The plugin's result at its alarm (-t 2), and a plugin's killed at the engine's timeout (times unused). */
    private static final PluginResult PLUGIN_ALARM = new PluginResult(2,
            "CRITICAL - Socket timeout after 2 seconds\n", "", Instant.EPOCH, Instant.EPOCH, false, false, null);
    private static final PluginResult KILLED = new PluginResult(137, "", "", Instant.EPOCH, Instant.EPOCH, true,
            false, null);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final BuiltinRunner runner = new BuiltinRunner(BuiltinChecks.standard(), Set.of(),
            (line, environment, timeout) -> {
                throw new AssertionError("forked: " + line);
            });
    private SilentTarget target;

    @BeforeEach
    void listen() throws IOException {
        target = new SilentTarget();
    }

    @AfterEach
    void stop() throws IOException {
        target.close();
    }

    @Test
    void checkTcpWaitingForAnAnswer() throws Exception {
        manyAtOnce("check_tcp -H 127.0.0.1 -p PORT -e hello -t 2", ENGINE_TIMEOUT, PLUGIN_ALARM);
    }

    @Test
    void checkTcpWaitingForTheTlsHandshake() throws Exception {
        manyAtOnce("check_simap -H 127.0.0.1 -p PORT -t 2", ENGINE_TIMEOUT, PLUGIN_ALARM);
    }

    @Test
    void checkSshWaitingForTheBanner() throws Exception {
        manyAtOnce("check_ssh -H 127.0.0.1 -p PORT -t 2", ENGINE_TIMEOUT, PLUGIN_ALARM);
    }

    @Test
    void checkSmtpWaitingForTheGreeting() throws Exception {
        manyAtOnce("check_smtp -H 127.0.0.1 -p PORT -t 2", ENGINE_TIMEOUT, PLUGIN_ALARM);
    }

    @Test
    void theEnginesShorterTimeoutEndsThemAllAsKilledPlugins() throws Exception {
        manyAtOnce("check_tcp -H 127.0.0.1 -p PORT -e hello -t 10", Duration.ofSeconds(2), KILLED);
    }

    private void manyAtOnce(String line, Duration engineTimeout, PluginResult expected) throws Exception {
        CommandLine command = CommandLine.parse("/usr/lib/nagios/plugins/" + line.replace("PORT", target.port()));
        // one run cut short by the engine first, so the loop's threads and timers exist before counting
        assertThat(runner.start(command, Map.of(), Duration.ofMillis(50)).toCompletableFuture().join().timedOut())
                .isTrue();
        int before = THREADS.getThreadCount();
        List<CompletableFuture<PluginResult>> runs = new ArrayList<>();
        long slowestStart = 0;
        long allStarts = 0;
        long begin = System.nanoTime();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            runs.add(runner.start(command, Map.of(), engineTimeout).toCompletableFuture());
            long took = System.nanoTime() - t;
            slowestStart = Math.max(slowestStart, took);
            allStarts += took;
        }
        long startsCpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        int most = before;
        CompletableFuture<Void> all = CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new));
        while (!all.isDone() && System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(20)) {
            most = Math.max(most, THREADS.getThreadCount());
            Thread.sleep(20);
        }
        all.get(1, TimeUnit.SECONDS);
        long wall = System.nanoTime() - begin;
        System.out.printf("%s: %d runs started in %.1f ms (%.1f ms of the caller's CPU, slowest %.2f ms), all ended in"
                + " %d ms; threads %d before, %d at most%n", line, RUNS, allStarts / 1e6, startsCpu / 1e6,
                slowestStart / 1e6, TimeUnit.NANOSECONDS.toMillis(wall), before, most);
        // a start that waited for the target would take the 2 s it stays silent; the bounds leave room for a shared
        // machine's scheduling (the runs' own TLS work competes for the cores), not for one such wait
        assertThat(TimeUnit.NANOSECONDS.toMillis(allStarts)).as("the %d starts together", RUNS)
                .isLessThan(RUNS * 10L);
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowestStart)).as("the slowest start").isLessThan(500);
        assertThat(most - before).as("threads added while %d runs wait", RUNS).isLessThan(20);
        assertThat(target.accepted()).isGreaterThanOrEqualTo(RUNS);
        for (CompletableFuture<PluginResult> f : runs) {
            PluginResult r = f.join();
            assertThat(r.exitCode()).isEqualTo(expected.exitCode());
            assertThat(r.stdout()).isEqualTo(expected.stdout());
            assertThat(r.timedOut()).isEqualTo(expected.timedOut());
            assertThat(r.executionTime()).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(12));
        }
    }

    /** Accepts every connection on one thread and keeps it open, never writing: a hung service. */
    private static final class SilentTarget implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentTarget() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (IOException e) {
                    // closed: the test is over
                }
            }, "silent-target");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String port() {
            return String.valueOf(server.getLocalPort());
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
