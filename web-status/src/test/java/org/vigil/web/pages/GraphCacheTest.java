package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.web.model.GraphRange;
import org.vigil.web.model.MetricSeries;
import org.vigil.web.model.PerfdataSource;

/** When a drawn graph is stale: a new value of its check (short spans) or one column of its span passed. */
class GraphCacheTest {

    private static final long NOW = 1_800_000_000L / 1800 * 1800;

    @Test
    void aShortSpansGraphIsKeptUntilTheNextValueOrOneColumn() {
        long drawn = GraphCache.stamp(GraphRange.H4, 7, NOW);
        assertThat(GraphCache.stamp(GraphRange.H4, 7, NOW + 47)).isEqualTo(drawn);
        assertThat(GraphCache.stamp(GraphRange.H4, 8, NOW + 1)).as("a new value").isNotEqualTo(drawn);
        assertThat(GraphCache.stamp(GraphRange.H4, 7, NOW + 48)).as("4 h / 300 columns").isNotEqualTo(drawn);
        assertThat(GraphCache.stamp(GraphRange.H25, 7, NOW + 299)).isEqualTo(GraphCache.stamp(GraphRange.H25, 7, NOW));
    }

    @Test
    void aLongSpansGraphIsKeptHalfAnHourWhateverArrives() {
        long drawn = GraphCache.stamp(GraphRange.Y1, 7, NOW);
        assertThat(GraphCache.stamp(GraphRange.Y1, 9, NOW + 1799)).isEqualTo(drawn);
        assertThat(GraphCache.stamp(GraphRange.Y1, 7, NOW + 1800)).isNotEqualTo(drawn);
        assertThat(GraphCache.stamp(GraphRange.D7, 9, NOW + 60)).isEqualTo(GraphCache.stamp(GraphRange.D7, 7, NOW));
    }

    @Test
    void keepsTheRecentlyUsedUpToItsBoundAndNothingWithoutAVersion() {
        GraphCache cache = new GraphCache();
        List<GraphCache.Part> parts = List.of(new GraphCache.Part("used", "%", "80", "90",
                new MetricGraphs.Drawn("4h", "4 hours", "<svg/>", true)));
        cache.put("h", "s", GraphRange.H4, 5, parts);
        assertThat(cache.get("h", "s", GraphRange.H4, 5)).isEqualTo(parts);
        assertThat(cache.get("h", "s", GraphRange.H4, 6)).isNull();
        assertThat(GraphCache.stamp(GraphRange.H4, -1, NOW)).isEqualTo(-1);
        cache.put("h", "t", GraphRange.H4, -1, parts);
        assertThat(cache.get("h", "t", GraphRange.H4, -1)).isNull();
        for (int i = 0; i < GraphCache.MAX_ENTRIES; i++) {
            cache.put("other" + i, null, GraphRange.H4, 1, parts);
        }
        assertThat(cache.get("h", "s", GraphRange.H4, 5)).as("the least recently used went").isNull();
    }

    @Test
    void twentyRequestsForOneChecksColdGraphsReadAndDrawThemOnce() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(20);
        PerfdataSource source = new PerfdataSource() {
            @Override
            public List<MetricSeries> series(String host, String service, long start, long end, long resolution) {
                reads.incrementAndGet();
                try {
                    allAsking.await(5, TimeUnit.SECONDS); // the first read lasts until every request has asked
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                List<MetricSeries.Point> points = new ArrayList<>();
                for (long t = start + resolution; t <= end; t += resolution) {
                    points.add(new MetricSeries.Point(t, 1.0, 0.5, 2.0));
                }
                return List.of(new MetricSeries("time", "s", new MetricSeries.Thresholds("1", "2", List.of(1.0),
                        List.of(2.0), null, null), resolution, points));
            }

            @Override
            public long version(String host, String service) {
                return 3;
            }
        };
        GraphCache cache = new GraphCache();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<List<MetricGraphs>>> pages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                pages.add(pool.submit(() -> {
                    allAsking.countDown();
                    return MetricGraphs.of(source, cache, "web1", "HTTP", NOW, ZoneOffset.UTC);
                }));
            }
            for (Future<List<MetricGraphs>> page : pages) {
                List<MetricGraphs> graphs = page.get(10, TimeUnit.SECONDS);
                assertThat(graphs).hasSize(1);
                assertThat(graphs.get(0).ranges()).hasSize(GraphRange.values().length)
                        .allSatisfy(d -> assertThat(d.hasData()).isTrue());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).as("each span read once, by the one request that drew them")
                .isEqualTo(GraphRange.values().length);
    }
}
