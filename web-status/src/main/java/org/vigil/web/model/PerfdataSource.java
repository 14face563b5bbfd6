package org.vigil.web.model;

import java.util.List;

/**
 * The recorded perfdata of hosts and services, as the graphs and {@code /api/v1/.../perfdata} read it. The web layer
 * declares it and knows nothing of the store behind it (vigil-app adapts the perfdata module's round-robin store).
 */
public interface PerfdataSource {

    /**
     * Every metric of {@code host}'s check ({@code service} null) or of its service, from {@code start} to {@code end}
     * (seconds since the epoch) in rows of at least {@code resolution} seconds; empty when none was recorded.
     */
    List<MetricSeries> series(String host, String service, long start, long end, long resolution);

    /** One span to read: {@code start} to {@code end} (epoch seconds), rows of at least {@code resolution}. */
    record Span(long start, long end, long resolution) {
    }

    /**
     * For each metric of {@code host}'s check ({@code service} null) or of its service, its series over each of
     * {@code spans} in that order; a store reads each metric's file once for all of them.
     */
    default List<List<MetricSeries>> series(String host, String service, List<Span> spans) {
        java.util.Map<String, List<MetricSeries>> byMetric = new java.util.LinkedHashMap<>();
        for (Span sp : spans) {
            for (MetricSeries s : series(host, service, sp.start(), sp.end(), sp.resolution())) {
                byMetric.computeIfAbsent(s.metric(), k -> new java.util.ArrayList<>()).add(s);
            }
        }
        return byMetric.values().stream().filter(l -> l.size() == spans.size()).toList();
    }

    /**
     * A number that changes whenever a value of the check arrives, so drawn graphs can be kept until then; -1 when
     * unknown (nothing is kept).
     */
    default long version(String host, String service) {
        return -1;
    }

    /** Nothing recorded: the pages draw no graphs and the API answers 404. */
    PerfdataSource NONE = new PerfdataSource() {
        @Override
        public List<MetricSeries> series(String host, String service, long start, long end, long resolution) {
            return List.of();
        }

        @Override
        public boolean recording() {
            return false;
        }
    };

    /** Whether perfdata is recorded at all. */
    default boolean recording() {
        return true;
    }
}
