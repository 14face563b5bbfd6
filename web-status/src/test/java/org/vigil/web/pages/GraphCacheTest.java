package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.web.model.GraphRange;

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
}
