package org.vigil.web.pages;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        return of(source, new GraphCache(), host, service, now, zone);
    }

    /**
     * The same, reusing what {@code cache} holds: the spans not held are read in one call (each metric's file opened
     * once for all of them), drawn and kept.
     */
    static List<MetricGraphs> of(PerfdataSource source, GraphCache cache, String host, String service, long now,
                                 ZoneId zone) {
        if (!source.recording()) {
            return List.of();
        }
        long version = source.version(host, service);
        Map<GraphRange, List<GraphCache.Part>> byRange = new EnumMap<>(GraphRange.class);
        List<GraphRange> missing = held(cache, host, service, version, now, byRange);
        Runnable drawMissing = () -> draw(source, host, service, now, zone, missing).forEach((r, parts) -> {
            cache.put(host, service, r, GraphCache.stamp(r, version, now), parts);
            byRange.put(r, parts);
        });
        if (!missing.isEmpty()) {
            // one request draws a check's graphs at a time (nothing is kept without a version: each draws its own)
            boolean drawn = version >= 0 && cache.drawOnce(host, service, drawMissing);
            if (!drawn && version >= 0) {
                // another request drew them meanwhile: take what it kept, draw what it did not
                missing.retainAll(held(cache, host, service, version, now, byRange));
            }
            if (!drawn && !missing.isEmpty()) {
                drawMissing.run();
            }
        }
        Map<String, List<GraphCache.Part>> byMetric = new TreeMap<>();
        for (GraphRange r : GraphRange.values()) {
            for (GraphCache.Part p : byRange.getOrDefault(r, List.of())) {
                byMetric.computeIfAbsent(p.metric(), k -> new ArrayList<>()).add(p);
            }
        }
        List<MetricGraphs> out = new ArrayList<>();
        byMetric.forEach((metric, parts) -> {
            GraphCache.Part first = parts.get(0);
            out.add(new MetricGraphs(metric, first.unit(), first.warn(), first.crit(),
                    parts.stream().map(GraphCache.Part::drawn).toList()));
        });
        return out;
    }

    /** Puts the spans {@code cache} holds for the check into {@code byRange}; returns those it does not hold. */
    private static List<GraphRange> held(GraphCache cache, String host, String service, long version, long now,
                                         Map<GraphRange, List<GraphCache.Part>> byRange) {
        List<GraphRange> missing = new ArrayList<>();
        for (GraphRange r : GraphRange.values()) {
            List<GraphCache.Part> held = cache.get(host, service, r, GraphCache.stamp(r, version, now));
            if (held == null) {
                missing.add(r);
            } else {
                byRange.put(r, held);
            }
        }
        return missing;
    }

    /** Each of {@code ranges}' graphs of every metric, read in one call. */
    private static Map<GraphRange, List<GraphCache.Part>> draw(PerfdataSource source, String host, String service,
                                                               long now, ZoneId zone, List<GraphRange> ranges) {
        List<PerfdataSource.Span> spans = ranges.stream()
                .map(r -> new PerfdataSource.Span(now - r.seconds(), now, GraphRange.resolution(r.seconds())))
                .toList();
        GraphSvg svg = new GraphSvg(zone);
        Map<GraphRange, List<GraphCache.Part>> out = new EnumMap<>(GraphRange.class);
        for (GraphRange r : ranges) {
            out.put(r, new ArrayList<>());
        }
        for (List<MetricSeries> metric : source.series(host, service, spans)) {
            for (int i = 0; i < ranges.size() && i < metric.size(); i++) {
                GraphRange r = ranges.get(i);
                MetricSeries s = metric.get(i);
                boolean data = s.points().stream().anyMatch(p -> p.avg() != null);
                String title = s.metric() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")") + " over " + r.title();
                out.get(r).add(new GraphCache.Part(s.metric(), s.unit(), s.thresholds().warn(), s.thresholds().crit(),
                        new Drawn(r.key(), r.title(), svg.draw(s, now - r.seconds(), now, title), data)));
            }
        }
        return out;
    }
}
