package org.vigil.perfdata.rrd;

/**
 * One metric's values over a span, as the store consolidated them: row {@code i} covers the {@code step} seconds
 * ending at {@code times[i]}; a value is NaN where nothing was recorded.
 */
public record Series(MetricMeta meta, long step, long[] times, double[] average, double[] min, double[] max) {
}
