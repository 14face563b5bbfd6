package org.vigil.perfdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** {@code metric_writers:} in {@code vigil.yml}: the metric writers to run (none unless named). */
public final class MetricsConfig {

    @JsonProperty
    public GraphiteConfig graphite;

    @JsonProperty
    public InfluxdbConfig influxdb;

    /** Whether any writer is configured. */
    public boolean any() {
        return graphite != null || influxdb != null;
    }

    /** What is wrong with these settings, each naming its key ({@code metric_writers.graphite.port: ...}). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (graphite != null) {
            out.addAll(graphite.problems("metric_writers.graphite"));
        }
        if (influxdb != null) {
            out.addAll(influxdb.problems("metric_writers.influxdb"));
        }
        return out;
    }
}
