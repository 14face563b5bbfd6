package org.vigil.perfdata;

/** Where a {@link SampleListener} hands each result: a metric writer or the round-robin store. */
interface SampleSink {

    /** Takes {@code sample}; never waits (the engine thread calls it). */
    void offer(ResultSample sample);

    /**
     * Whether a result with this perfdata would be taken: false lets the listener skip building a sample that
     * {@link #offer} would drop (the engine thread asks, once per result).
     */
    default boolean wants(String perfData) {
        return true;
    }
}
