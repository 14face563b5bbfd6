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
