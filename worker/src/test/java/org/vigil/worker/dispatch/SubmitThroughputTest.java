package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.LoadResult;

/**
 * How fast the central node queues checks on a loopback gearmand, and at what CPU: the calling thread's begin()
 * (the engine's clock thread) plus the dispatch's own threads, per 1,000 checks. Prints the figures; asserts only
 * that every job was queued (the machine is shared, a time bound would be noise).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SubmitThroughputTest {

    private static final int HOSTS = 400;
    private static final int SERVICES = 100;

    @Test
    void submitsTensOfThousandsOfChecksASecondAndPrintsTheRateAndCpu(@TempDir Path dir) throws Exception {
        LoadResult config = TestConfig.load(dir, HOSTS, SERVICES);
        try (Harness h = new Harness(config, s -> s.orphanAfter = Duration.ofMinutes(10))) {
            round(h, 0, SERVICES / 2, "warm-up");
            round(h, SERVICES / 2, SERVICES, "measured");
            assertThat(h.dispatch.counters().submitted()).isEqualTo((long) HOSTS * SERVICES);
            assertThat(h.log).isEmpty();
        }
    }

    private static void round(Harness h, int fromService, int toService, String name) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long before = h.dispatch.counters().submitted();
        int count = HOSTS * (toService - fromService);
        long cpu0 = dispatchCpu(mx);
        long caller0 = mx.getCurrentThreadCpuTime();
        long gearmand0 = h.gearmand().cpuTime().toNanos();
        long wall0 = System.nanoTime();
        for (int s = fromService; s < toService; s++) {
            for (int host = 0; host < HOSTS; host++) {
                h.service("h" + host, "svc" + s, Harness.DUMMY + " 0 h" + host + " svc" + s, Duration.ofSeconds(60));
            }
        }
        long callerNs = mx.getCurrentThreadCpuTime() - caller0;
        Harness.await("every job queued", Duration.ofSeconds(60),
                () -> h.dispatch.counters().submitted() == before + count);
        long wallNs = System.nanoTime() - wall0;
        long cpuNs = dispatchCpu(mx) - cpu0 + callerNs;
        long gearmandNs = h.gearmand().cpuTime().toNanos() - gearmand0;
        System.out.printf("dispatch %s: %d checks queued on gearmand in %d ms = %.0f checks/s; CPU %.1f ms per 1,000"
                        + " checks (begin() %.1f ms, dispatch threads %.1f ms), %.2f cores while submitting;"
                        + " gearmand %.1f ms per 1,000 (%.2f cores)%n",
                name, count, wallNs / 1_000_000, count * 1e9 / wallNs, cpuNs / 1e6 / (count / 1000.0),
                callerNs / 1e6 / (count / 1000.0), (cpuNs - callerNs) / 1e6 / (count / 1000.0), (double) cpuNs / wallNs,
                gearmandNs / 1e6 / (count / 1000.0), (double) gearmandNs / wallNs);
    }

    /** CPU time of the dispatch's threads (submitter, result readers, sweeper). */
    private static long dispatchCpu(ThreadMXBean mx) {
        long total = 0;
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("vigil-gearman")) {
                total += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
