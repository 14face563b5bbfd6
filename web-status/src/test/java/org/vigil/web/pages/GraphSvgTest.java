package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.web.model.MetricSeries;

/** The server-side SVG of a graph: a line per run of recorded steps, threshold lines, text escaped. */
class GraphSvgTest {

    private static final long START = 1_765_000_000L;

    private static MetricSeries series(String metric, List<Double> warn, List<Double> crit, Double... values) {
        List<MetricSeries.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new MetricSeries.Point(START + 60L * (i + 1), values[i], values[i], values[i]));
        }
        return new MetricSeries(metric, "%", new MetricSeries.Thresholds("", "", warn, crit, null, null), 60, points);
    }

    @Test
    void aGapSplitsTheLineAndThresholdsAreDashedLinesOfTheirOwn() {
        String svg = new GraphSvg(ZoneOffset.UTC).draw(series("used", List.of(80.0), List.of(90.0),
                10.0, 20.0, 30.0, null, null, 40.0, 50.0), START, START + 7 * 60, "used over 4 hours");
        String line = svg.replaceAll("(?s).*<path class=\"avg\" d=\"([^\"]*)\".*", "$1");
        assertThat(line.split("M")).hasSize(3); // "" + two runs
        assertThat(line.split(" L")).hasSize(4); // 3 + 2 points: 3 segments drawn in two runs
        assertThat(svg).contains("<line class=\"warn\"").contains("<title>warning 80</title>")
                .contains("<line class=\"crit\"").contains("<title>critical 90</title>").doesNotContain("NaN");
    }

    @Test
    void aLoneRecordedStepIsDrawnAsADash() {
        String svg = new GraphSvg(ZoneOffset.UTC).draw(series("used", List.of(), List.of(), null, 5.0, null),
                START, START + 180, "used");
        assertThat(svg).containsPattern("<path class=\"avg\" d=\"M[0-9.]+,[0-9.]+ h2\"");
    }

    @Test
    void theValueAxisReachesTheHighestThresholdAndTextIsEscaped() {
        String svg = new GraphSvg(ZoneOffset.UTC).draw(series("<b>x</b>", List.of(), List.of(1000.0), 1.0, 2.0),
                START, START + 120, "<b>x</b> & y");
        assertThat(svg).doesNotContain("<b>").contains("&lt;b&gt;x&lt;/b&gt; &amp; y");
        // the top label is above the critical line's value (5% headroom)
        assertThat(svg).containsPattern(">1\\.05k%<|>1050%<");
    }
}
