package org.vigil.web.pages;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.web.model.GraphRange;
import org.vigil.web.model.MetricSeries;
import org.vigil.web.model.PerfdataSource;

/**
 * The graphs of a detail page: for each recorded metric of the host's check or the service, one SVG per
 * {@link GraphRange}, drawn by {@link GraphSvg}.
 *
 * @param metric the perfdata label; {@code unit}, {@code warn}, {@code crit} as its last value carried them
 */
public record MetricGraphs(String metric, String unit, String warn, String crit, List<Drawn> ranges) {

    /** One span's graph: {@code svg} is markup made here (every text in it escaped). */
    public record Drawn(String key, String title, String svg, boolean hasData) {
    }

    /** The graphs of {@code host}'s check ({@code service} null) or of its service, ending at {@code now}. */
    static List<MetricGraphs> of(PerfdataSource source, String host, String service, long now, ZoneId zone) {
        if (!source.recording()) {
            return List.of();
        }
        GraphSvg svg = new GraphSvg(zone);
        Map<String, List<Drawn>> drawn = new LinkedHashMap<>();
        Map<String, MetricSeries> last = new LinkedHashMap<>();
        for (GraphRange r : GraphRange.values()) {
            long start = now - r.seconds();
            for (MetricSeries s : source.series(host, service, start, now, GraphRange.resolution(r.seconds()))) {
                boolean data = s.points().stream().anyMatch(p -> p.avg() != null);
                String title = s.metric() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")") + " over " + r.title();
                drawn.computeIfAbsent(s.metric(), k -> new ArrayList<>())
                        .add(new Drawn(r.key(), r.title(), svg.draw(s, start, now, title), data));
                last.putIfAbsent(s.metric(), s);
            }
        }
        List<MetricGraphs> out = new ArrayList<>();
        drawn.forEach((metric, ranges) -> {
            MetricSeries s = last.get(metric);
            out.add(new MetricGraphs(metric, s.unit(), s.thresholds().warn(), s.thresholds().crit(), ranges));
        });
        return out;
    }
}
