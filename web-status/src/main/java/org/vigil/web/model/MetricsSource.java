package org.vigil.web.model;

/**
 * Prometheus series that a part outside the web layer keeps (the metric writers' queues and drops): the web layer
 * serves them on {@code /metrics} without knowing the part, which vigil-app hands in through {@link Monitor}.
 * Called on each scrape: what it appends is current, not a snapshot's.
 */
@FunctionalInterface
public interface MetricsSource {

    /** Appends complete series ({@code # HELP}, {@code # TYPE} and samples) in Prometheus's text format 0.0.4. */
    void appendPrometheus(StringBuilder out);

    /** No series. */
    MetricsSource NONE = out -> { };
}
