package org.vigil.checks.builtin.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * Two hundred check_dig and check_dns runs against a DNS server that never answers (a UDP socket nobody reads), all
 * in flight at once: each {@code start} returns at once, the process gains no thread per run, and each run ends at
 * its {@code -t} of 2 seconds with the plugin's own timeout result.
 */
class DnsChecksHoldNoThreadTest {

    private static final int RUNS = 200;
    private static final String TIMED_OUT = "CRITICAL - Plugin timed out while executing system call\n";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void twoHundredDigRunsOnASilentServerHoldNoThreadEach() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            String port = Integer.toString(silent.getLocalPort());
            assertNoThreadParked(new DigCheck(), List.of("-H", "127.0.0.1", "-p", port, "-l", "www.example.com",
                    "-t", "2"));
        }
    }

    /** check_dns asks port 53 only: the silent server has a loopback address of its own (127.x.y.z, at random). */
    @Test
    void twoHundredCheckDnsRunsOnASilentServerHoldNoThreadEach() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String address = "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(2, 250);
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(address, 53))) {
            assertNoThreadParked(new CheckDnsCheck(), List.of("-H", "www.example.com", "-s", address, "-t", "2"));
        }
    }

    private static void assertNoThreadParked(BuiltinCheck check, List<String> args) {
        BuiltinCheck.Run run = ((BuiltinCheck.Ready) check.prepare(args)).run();
        // the first run loads the classes and starts the shared datagram thread: not what is measured
        assertThat(run.run(Duration.ofMillis(50)).timedOut()).isTrue();
        int threadsBefore = THREADS.getThreadCount();
        long[] startNanos = new long[RUNS];
        List<CompletableFuture<PluginResult>> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            runs.add(run.start(Duration.ofSeconds(60)).toCompletableFuture());
            startNanos[i] = System.nanoTime() - t0;
        }
        int threadsInFlight = THREADS.getThreadCount();
        assertThat(runs).noneMatch(CompletableFuture::isDone);
        long before = System.nanoTime();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);

        Arrays.sort(startNanos);
        System.out.printf("%s: %d runs, start() median %d us, 90th percentile %d us, max %d us; threads %d before,"
                        + " %d in flight; all ended %d ms after the last start%n", check.plugin(), RUNS,
                micros(startNanos, 50), micros(startNanos, 90), micros(startNanos, 100), threadsBefore,
                threadsInFlight, waitedMillis);
        // a start() that waited on the server would take the run's 2 s; the bounds above the median leave room for
        // a shared machine's scheduler (at a load of 20 on 2 cores a thread waits tens of ms for a core at times)
        assertThat(micros(startNanos, 50)).as("median start() in us").isLessThan(2_000);
        assertThat(micros(startNanos, 90)).as("90th percentile start() in us").isLessThan(20_000);
        assertThat(micros(startNanos, 100)).as("slowest start() in us").isLessThan(500_000);
        assertThat(threadsInFlight - threadsBefore).as("threads gained with %d runs in flight", RUNS).isLessThan(10);
        for (CompletableFuture<PluginResult> f : runs) {
            PluginResult r = f.join();
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stdout()).isEqualTo(TIMED_OUT);
            assertThat(r.timedOut()).isFalse();
            assertThat(r.executionTime()).isBetween(Duration.ofMillis(1950), Duration.ofMillis(3500));
        }
    }

    /** The {@code percent}th percentile of the sorted {@code nanos}, in microseconds. */
    private static long micros(long[] nanos, int percent) {
        return nanos[Math.min(nanos.length - 1, nanos.length * percent / 100)] / 1000;
    }
}
