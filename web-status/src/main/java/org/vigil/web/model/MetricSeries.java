package org.vigil.web.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One metric's recorded values over a span, with its unit and thresholds as its last value carried them.
 *
 * @param metric     the perfdata label
 * @param unit       the unit as written, "" when none
 * @param thresholds the warning and critical ranges and min and max
 * @param step       seconds each point covers
 * @param points     one per step, oldest first; a value is null where nothing was recorded
 */
public record MetricSeries(String metric, String unit, Thresholds thresholds, long step, List<Point> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }

    /**
     * The thresholds: {@code warn} and {@code crit} as the plugin wrote them (Nagios ranges), the values their lines
     * are drawn at, and {@code min} and {@code max} (null when not given).
     */
    public record Thresholds(String warn, String crit, @JsonProperty("warn_lines") List<Double> warnLines,
                             @JsonProperty("crit_lines") List<Double> critLines, Double min, Double max) {

        public Thresholds {
            warnLines = List.copyOf(warnLines);
            critLines = List.copyOf(critLines);
        }
    }

    /** One step's values, written as {@code [t, avg, min, max]}: t is its end in seconds since the epoch. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Point(long t, Double avg, Double min, Double max) {
    }
}
