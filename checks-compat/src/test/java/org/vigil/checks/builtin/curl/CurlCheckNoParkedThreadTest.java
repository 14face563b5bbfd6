package org.vigil.checks.builtin.curl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * Runs of the built-in check_curl wait on the event loop, not on threads: 200 runs at once (plain and TLS) against
 * a target that accepts and never answers each start at once, hold no thread while they wait, and all end with
 * libcurl's timeout text at the plugin's {@code -t}.
 */
class CurlCheckNoParkedThreadTest {

    private static final int RUNS = 200;

    @Test
    void twoHundredRunsAgainstASilentTargetHoldNoThreadAndAllTimeOutAsThePlugin() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, RUNS * 2, InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(silent.getLocalPort());
            CurlCheck check = new CurlCheck(Clock.systemUTC(), Map.of(), new CurlVersion(CurlCheck.DEBIAN_PLUGIN));
            BuiltinCheck.Run plain = run(check, List.of("-I", "127.0.0.1", "-p", port, "-t", "2"));
            BuiltinCheck.Run tls = run(check, List.of("-S", "-I", "127.0.0.1", "-p", port, "-t", "2"));
            // the event loop's threads start once, before the count: a refused connection starts them
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                closed = s.getLocalPort();
            }
            run(check, List.of("-I", "127.0.0.1", "-p", String.valueOf(closed), "-t", "2")).run(Duration.ofSeconds(10));
            int threadsBefore = Thread.getAllStackTraces().size();

            List<CompletableFuture<PluginResult>> runs = new ArrayList<>();
            long[] starts = new long[RUNS];
            long began = System.nanoTime();
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                CompletableFuture<PluginResult> started = (i % 2 == 0 ? plain : tls).start(Duration.ofSeconds(60))
                        .toCompletableFuture();
                starts[i] = System.nanoTime() - t;
                assertThat(started).as("run %d just started", i).isNotDone();
                runs.add(started);
            }
            long allStarted = System.nanoTime() - began;
            Arrays.sort(starts);
            Thread.sleep(500);
            int threadsWaiting = Thread.getAllStackTraces().size();

            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long allEnded = System.nanoTime() - began;
            for (int i = 0; i < RUNS; i++) {
                PluginResult r = runs.get(i).join();
                assertThat(r.timedOut()).isFalse();
                assertThat(r.exitCode()).isEqualTo(2);
                assertThat(r.stdout()).matches("HTTP CRITICAL - Invalid HTTP response received from host on port "
                        + port + ": cURL returned 28 - " + (i % 2 == 0 ? "Operation timed out after [0-9]+ "
                        + "milliseconds with 0 bytes received" : "Connection timed out after [0-9]+ milliseconds")
                        + "\n");
                assertThat(Duration.between(r.start(), r.end())).isGreaterThan(Duration.ofMillis(1900));
            }
            System.out.printf("check_curl x%d silent: all started in %d ms (start() median %.3f ms, slowest %.2f ms),"
                    + " threads %d before, %d while waiting, all ended after %d ms%n", RUNS,
                    TimeUnit.NANOSECONDS.toMillis(allStarted), starts[RUNS / 2] / 1e6, starts[RUNS - 1] / 1e6,
                    threadsBefore, threadsWaiting, TimeUnit.NANOSECONDS.toMillis(allEnded));
            // the slowest start() is the machine's scheduling more than the check's: the median says what a start
            // costs, the slowest only that none waited for the target
            assertThat(starts[RUNS / 2]).as("median start() in ns").isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
            assertThat(TimeUnit.NANOSECONDS.toMillis(starts[RUNS - 1])).as("slowest start() in ms").isLessThan(1900);
            assertThat(threadsWaiting - threadsBefore).as("threads added while %d runs wait", RUNS).isLessThan(10);
            assertThat(TimeUnit.NANOSECONDS.toMillis(allEnded)).as("all ended, in ms").isBetween(1900L, 8000L);
        }
    }

    private static BuiltinCheck.Run run(CurlCheck check, List<String> args) {
        return ((BuiltinCheck.Ready) check.prepare(args)).run();
    }
}
