package org.vigil.perfdata.rrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round-robin store on real files: consolidation, a fixed size, a bound on metrics, restarts, odd names. */
class RrdStoreTest {

    @TempDir
    Path dir;

    private static final long T0 = 1_700_000_000L - 1_700_000_000L % 3600;

    private static MetricMeta meta(String host, String service, String label) {
        return new MetricMeta(new MetricKey(host, service, label), "ms", "80", "90", "0", "");
    }

    @Test
    void averagesMinimaAndMaximaAreConsolidatedOverFiveMinutes() throws Exception {
        RrdStore store = new RrdStore(dir, 10);
        store.open();
        MetricMeta m = meta("web1", "HTTP", "time");
        // one value a minute for 3 hours: 0..9 repeating, so every 5-minute row holds 5 consecutive values
        for (int i = 1; i <= 180; i++) {
            assertThat(store.write(m, T0 + i * 60L, i % 10)).isEqualTo(RrdStore.Outcome.WRITTEN);
        }
        Series fine = store.series(m, T0 + 3600, T0 + 7200, 60).orElseThrow();
        assertThat(fine.step()).isEqualTo(60);
        assertThat(fine.average()[10]).isEqualTo((double) ((fine.times()[10] - T0) / 60 % 10));
        Series coarse = store.series(m, T0 + 3600, T0 + 10800, 300).orElseThrow();
        assertThat(coarse.step()).isEqualTo(300);
        // a row ending at T0+k*300 holds the minutes k*5-4 .. k*5: values (5k-4..5k) mod 10
        int row = 3;
        long k = (coarse.times()[row] - T0) / 300;
        double[] values = java.util.stream.LongStream.rangeClosed(5 * k - 4, 5 * k).mapToDouble(i -> i % 10)
                .toArray();
        assertThat(coarse.average()[row]).isCloseTo(Arrays.stream(values).average().orElseThrow(), within(1e-9));
        assertThat(coarse.min()[row]).isEqualTo(Arrays.stream(values).min().orElseThrow());
        assertThat(coarse.max()[row]).isEqualTo(Arrays.stream(values).max().orElseThrow());
    }

    @Test
    void everyFileHasTheSameFixedSizeAndTheCountOfMetricsIsBounded() throws Exception {
        RrdStore store = new RrdStore(dir, 2);
        store.open();
        assertThat(store.write(meta("h", "s", "a"), T0 + 60, 1)).isEqualTo(RrdStore.Outcome.WRITTEN);
        for (int i = 2; i < 500; i++) {
            store.write(meta("h", "s", "b"), T0 + i * 60L, i);
        }
        assertThat(store.write(meta("h", "s", "c"), T0 + 60, 1)).isEqualTo(RrdStore.Outcome.REFUSED);
        // a metric already kept still takes values when the store is full
        assertThat(store.write(meta("h", "s", "a"), T0 + 120, 1)).isEqualTo(RrdStore.Outcome.WRITTEN);
        List<Path> rrds = rrdFiles();
        assertThat(rrds).hasSize(2);
        for (Path p : rrds) {
            assertThat(Files.size(p)).isEqualTo(RrdLayout.fileSize());
        }
        assertThat(RrdLayout.fileSize()).isBetween(380_000L, 390_000L);
    }

    @Test
    void aRestartKeepsTheValuesAndTheirPlaceInTheBound() throws Exception {
        RrdStore first = new RrdStore(dir, 2);
        first.open();
        MetricMeta m = meta("db1", null, "rta");
        for (int i = 1; i <= 10; i++) {
            first.write(m, T0 + i * 60L, 5);
        }
        first.write(meta("db1", null, "pl"), T0 + 60, 0);

        RrdStore second = new RrdStore(dir, 2);
        assertThat(second.open()).isEqualTo(2);
        assertThat(second.write(meta("db2", null, "rta"), T0 + 60, 1)).isEqualTo(RrdStore.Outcome.REFUSED);
        assertThat(second.write(m, T0 + 11 * 60L, 7)).isEqualTo(RrdStore.Outcome.WRITTEN);
        assertThat(second.write(m, T0 + 11 * 60L, 8)).isEqualTo(RrdStore.Outcome.SKIPPED);
        assertThat(second.metrics("db1", null)).extracting(x -> x.key().label()).containsExactly("pl", "rta");
        Series s = second.series(m, T0, T0 + 11 * 60L, 60).orElseThrow();
        assertThat(Arrays.stream(s.average()).filter(v -> v == 5).count()).isGreaterThanOrEqualTo(8);
        assertThat(s.average()[s.average().length - 1]).isEqualTo(7);
        assertThat(s.meta().warn()).isEqualTo("80");
    }

    @Test
    void oddLabelsAndNamesEachGetAFileOfTheirOwnAndComeBackAsWritten() throws Exception {
        RrdStore store = new RrdStore(dir, 100);
        store.open();
        List<String> labels = List.of("/var", "C:\\ Label", "a b", "a_b", "..", ".", "_HOST_", "ünï €", "x".repeat(300),
                "x".repeat(299) + "y", "100%", "a%2Fb");
        for (String label : labels) {
            assertThat(store.write(meta("host/1", "Disk /var", label), T0 + 60, 1))
                    .as(label).isEqualTo(RrdStore.Outcome.WRITTEN);
        }
        store.write(meta("host/1", "_HOST_", "load"), T0 + 60, 1);
        store.write(meta("host/1", null, "load"), T0 + 60, 2);
        assertThat(rrdFiles()).hasSize(labels.size() + 2);
        assertThat(store.metrics("host/1", "Disk /var")).extracting(x -> x.key().label())
                .containsExactlyInAnyOrderElementsOf(labels);
        assertThat(store.metrics("host/1", null)).singleElement()
                .satisfies(x -> assertThat(x.key().isHost()).isTrue());
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()))
                    .allSatisfy(p -> assertThat(p).doesNotContain(" ", "\\", ":", "/../", "/./")
                            .doesNotStartWith(".").matches("[A-Za-z0-9%._~/-]+"));
        }
        assertThat(MetricFiles.segment("x".repeat(300))).hasSizeLessThanOrEqualTo(MetricFiles.MAX_SEGMENT);
    }

    private List<Path> rrdFiles() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".rrd")).toList();
        }
    }
}
