package org.vigil.perfdata;

/** Where a {@link SampleListener} hands each result: a metric writer or the round-robin store. */
interface SampleSink {

    /** Takes {@code sample}; never waits (the engine thread calls it). */
    void offer(ResultSample sample);
}
