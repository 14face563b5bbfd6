package org.vigil.perfdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.perfdata.rrd.RrdStore;
import org.vigil.perfdata.rrd.Series;

/** The store holds values in memory as rrdcached does and writes them when due, when read, and at shutdown. */
class PerfdataStoreBatchingTest {

    private static final long T0 = System.currentTimeMillis() / 1000 / 60 * 60 - 3600;
    private static final List<RrdStore.Span> FIVE_SPANS = List.of(new RrdStore.Span(T0 - 4 * 3600, T0 + 600, 60),
            new RrdStore.Span(T0 - 25 * 3600, T0 + 600, 300), new RrdStore.Span(T0 - 7 * 86400, T0 + 600, 2016),
            new RrdStore.Span(T0 - 30 * 86400, T0 + 600, 8640), new RrdStore.Span(T0 - 365 * 86400, T0 + 600, 105120));

    @TempDir
    Path dir;

    @Test
    void aReadWritesTheChecksHeldValuesFirstAndOpensEachFileOnceForAllSpans() throws Exception {
        try (PerfdataStore store = new PerfdataStore(dir, new PerfdataStore.Limits(100, 100, 300, 1000), l -> { })) {
            store.start();
            for (int i = 0; i < 3; i++) {
                store.offer(sample("web", "disk", T0 + 60L * i, "used=" + (10 + i) + "%;80;90 inodes=" + i));
            }
            await(() -> store.counts().batching().pending() == 6);
            assertThat(rrdFiles()).as("held, not written: flush_seconds is 300").isZero();

            List<List<Series>> read = store.series("web", "disk", FIVE_SPANS);

            assertThat(read).hasSize(2).allSatisfy(m -> assertThat(m).hasSize(5));
            assertThat(store.counts().batching().pending()).isZero();
            assertThat(store.counts().written()).isEqualTo(6);
            Series used = read.stream().filter(m -> m.get(0).meta().key().label().equals("used")).findFirst()
                    .orElseThrow().get(0);
            assertThat(valueAt(used, T0 + 120)).isEqualTo(12.0);

            long opens = store.opens();
            store.series("web", "disk", FIVE_SPANS);
            assertThat(store.opens() - opens).as("two metrics, five spans: one open each").isEqualTo(2);
        }
    }

    @Test
    void shutdownWritesWhatIsHeld() throws Exception {
        try (PerfdataStore store = new PerfdataStore(dir, new PerfdataStore.Limits(100, 100, 300, 1000), l -> { })) {
            store.start();
            store.offer(sample("db", null, T0, "rta=1.5ms;100;500"));
            store.offer(sample("db", null, T0 + 60, "rta=2.5ms;100;500"));
            await(() -> store.counts().batching().pending() == 2);
            assertThat(rrdFiles()).isZero();
        }
        RrdStore reopened = new RrdStore(dir, 100);
        reopened.open();
        Series s = reopened.series(reopened.metrics("db", null).get(0), T0 - 600, T0 + 600, 60).orElseThrow();
        assertThat(valueAt(s, T0)).isEqualTo(1.5);
        assertThat(valueAt(s, T0 + 60)).isEqualTo(2.5);
    }

    @Test
    void checksThatStartTogetherAreWrittenSpreadOverTheInterval() throws Exception {
        int checks = 40;
        Map<Path, Long> seen = new HashMap<>();
        long start;
        try (PerfdataStore store = new PerfdataStore(dir, new PerfdataStore.Limits(1000, 1000, 2, 100_000), l -> { })) {
            store.start();
            start = System.currentTimeMillis();
            for (int i = 0; i < checks; i++) {
                store.offer(sample("h" + i, "s", T0, "v=" + i));
            }
            while (seen.size() < checks && System.currentTimeMillis() - start < 5000) {
                for (Path p : rrdPaths()) {
                    seen.putIfAbsent(p, System.currentTimeMillis() - start);
                }
                Thread.sleep(10);
            }
        }
        List<Long> at = new ArrayList<>(seen.values());
        assertThat(at).hasSize(checks);
        assertThat(at).as("no check before half of flush_seconds").allSatisfy(t -> assertThat(t).isGreaterThan(900));
        assertThat(at).as("all within flush_seconds (and a little)").allSatisfy(t -> assertThat(t).isLessThan(2600));
        assertThat(at.stream().mapToLong(Long::longValue).max().orElseThrow()
                - at.stream().mapToLong(Long::longValue).min().orElseThrow()).as("spread").isGreaterThan(300);
    }

    @Test
    void moreHeldValuesThanTheBoundWriteTheFirstDueChecksEarly() throws Exception {
        try (PerfdataStore store = new PerfdataStore(dir, new PerfdataStore.Limits(1000, 1000, 300, 10), l -> { })) {
            store.start();
            for (int i = 0; i < 30; i++) {
                store.offer(sample("h" + i, "s", T0, "v=" + i));
            }
            await(() -> store.counts().written() >= 20);
            assertThat(store.counts().batching().pending()).isLessThanOrEqualTo(10);
            StringBuilder metrics = new StringBuilder();
            store.appendPrometheus(metrics);
            assertThat(metrics.toString()).contains("vigil_perfdata_store_pending " + store.counts().batching()
                    .pending()).contains("vigil_perfdata_store_max_pending 10");
        }
    }

    private static ResultSample sample(String host, String service, long time, String perf) {
        return new ResultSample(host, service, "check_x", 0, 1, 1, 3, 0, 0, 0.01, 0.2, time, perf);
    }

    private static Double valueAt(Series s, long time) {
        for (int i = 0; i < s.times().length; i++) {
            if (s.times()[i] == time) {
                return s.average()[i];
            }
        }
        return null;
    }

    private long rrdFiles() throws IOException {
        return rrdPaths().size();
    }

    private List<Path> rrdPaths() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".rrd")).toList();
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!done.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 10 s").isLessThan(end);
            Thread.sleep(10);
        }
    }
}
