package org.vigil.checks.builtin.http;

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
 * Runs of the built-in check_http wait on the event loop, not on threads: 200 runs at once (plain and TLS) against
 * a target that accepts and never answers each start at once, hold no thread while they wait, and all end with the
 * plugin's own timeout at its {@code -t}.
 */
class HttpCheckNoParkedThreadTest {

    private static final int RUNS = 200;

    @Test
    void twoHundredRunsAgainstASilentTargetHoldNoThreadAndAllTimeOutAsThePlugin() throws Exception {
        // the kernel accepts up to the backlog; nobody ever reads or writes
        try (ServerSocket silent = new ServerSocket(0, RUNS * 2, InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(silent.getLocalPort());
            HttpCheck check = new HttpCheck(Clock.systemUTC(), Map.of());
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
                // a start() that waited for the target would give its result, done, after the 2 s of -t
                assertThat(started).as("run %d just started", i).isNotDone();
                runs.add(started);
            }
            long allStarted = System.nanoTime() - began;
            Arrays.sort(starts);
            long slowestStart = starts[RUNS - 1];
            Thread.sleep(500);
            int threadsWaiting = Thread.getAllStackTraces().size();

            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long allEnded = System.nanoTime() - began;
            for (CompletableFuture<PluginResult> r : runs) {
                assertThat(r.join().timedOut()).isFalse();
                assertThat(r.join().exitCode()).isEqualTo(2);
                assertThat(r.join().stdout()).isEqualTo("CRITICAL - Socket timeout after 2 seconds\n");
                assertThat(Duration.between(r.join().start(), r.join().end())).isGreaterThan(Duration.ofMillis(1900));
            }
            System.out.println("slowest starts (ms): " + Arrays.stream(starts, RUNS - 5, RUNS)
                    .mapToObj(n -> String.format("%.1f", n / 1e6)).toList());
            System.out.printf("check_http x%d silent: all started in %d ms (start() median %.3f ms, slowest %.2f ms),"
                    + " threads %d before, %d while waiting, all ended after %d ms%n", RUNS,
                    TimeUnit.NANOSECONDS.toMillis(allStarted), starts[RUNS / 2] / 1e6, slowestStart / 1e6,
                    threadsBefore, threadsWaiting, TimeUnit.NANOSECONDS.toMillis(allEnded));
            // the slowest start() is the machine's scheduling more than the check's (a loaded 2-core machine stalls
            // a thread for hundreds of ms): the median says what a start costs, the slowest only that none waited
            assertThat(starts[RUNS / 2]).as("median start() in ns").isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
            assertThat(TimeUnit.NANOSECONDS.toMillis(slowestStart)).as("slowest start() in ms").isLessThan(1900);
            assertThat(threadsWaiting - threadsBefore).as("threads added while %d runs wait", RUNS).isLessThan(10);
            assertThat(TimeUnit.NANOSECONDS.toMillis(allEnded)).as("all ended, in ms").isBetween(1900L, 8000L);
        }
    }

    private static BuiltinCheck.Run run(HttpCheck check, List<String> args) {
        return ((BuiltinCheck.Ready) check.prepare(args)).run();
    }
}
