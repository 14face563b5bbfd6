package org.vigil.perfdata.rrd;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a detail page's graphs cost the store when they are not held (issue 21's cold graphs): {@code bench.checks}
 * (100) checks of three metrics with two values each, as the readers bench leaves them; each check's metrics listed
 * and read over the five spans of a detail page (4 h, 25 h, 7 d, 30 d, 1 y at about 400 points) in one open per
 * file, every check in turn, {@code bench.rounds} (5) times. Prints the wall and CPU time per check; a benchmark,
 * not part of the test run (its name does not end in Test):
 * {@code mvn -pl perfdata test -Dtest=RrdReadBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RrdReadBench {

    private static final int CHECKS = Integer.getInteger("bench.checks", 100);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final long[] SPANS = {4 * 3600L, 25 * 3600L, 7 * 86400L, 30 * 86400L, 365 * 86400L};

    @Test
    void coldGraphsOfADetailPage() throws Exception {
        Path dir = Files.createTempDirectory("vigil-rrd-read");
        RrdStore store = new RrdStore(dir, 100_000);
        store.open();
        long now = System.currentTimeMillis() / 1000;
        var threads = ManagementFactory.getThreadMXBean();
        for (int batch = 0; batch < 2; batch++) { // the second batch after the first warmed the JIT
            long made = System.nanoTime();
            long madeCpu = threads.getCurrentThreadCpuTime();
            for (int c = batch * CHECKS; c < (batch + 1) * CHECKS; c++) {
                for (String label : List.of("time", "size", "load")) {
                    MetricMeta m = new MetricMeta(new MetricKey("host" + c, "svc000", label), "s", "0.5", "1", "0",
                            "");
                    store.write(m, new long[] {now - 120, now - 60}, new double[] {c, c + 1}, 2);
                }
            }
            System.out.printf("rrd read bench: %d checks' 3 files made, 2 values each: %.2f ms wall, %.2f ms CPU per "
                    + "check%n", CHECKS, (System.nanoTime() - made) / 1e6 / CHECKS,
                    (threads.getCurrentThreadCpuTime() - madeCpu) / 1e6 / CHECKS);
        }
        List<RrdStore.Span> spans = new ArrayList<>();
        for (long s : SPANS) {
            spans.add(new RrdStore.Span(now - s, now, Math.max(60, s / 400)));
        }
        for (int r = 0; r < ROUNDS; r++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            int points = 0;
            for (int c = 0; c < CHECKS; c++) {
                for (MetricMeta m : store.metrics("host" + c, "svc000")) {
                    for (Series s : store.series(m, spans).orElseThrow()) {
                        points += s.times().length;
                    }
                }
            }
            System.out.printf("rrd read bench: round %d: %d checks x 3 metrics x 5 spans (%d points): %.2f ms wall, "
                    + "%.2f ms CPU per check%n", r + 1, CHECKS, points, (System.nanoTime() - wall) / 1e6 / CHECKS,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / CHECKS);
        }
    }
}
