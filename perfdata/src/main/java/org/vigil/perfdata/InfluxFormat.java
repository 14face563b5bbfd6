package org.vigil.perfdata;

import java.util.OptionalDouble;
import org.vigil.checks.output.PerfData;
import org.vigil.checks.output.PerfValue;

/**
 * A result as InfluxDB line protocol, shaped as Icinga 2's InfluxdbWriter shapes it: the measurement is the check
 * command, tags {@code hostname}, {@code service} (services only) and {@code metric} (the label); fields
 * {@code value} and, with thresholds, {@code warn crit min max}, and {@code unit} when given. The metadata is one
 * more point without {@code metric}: {@code state=2i,current_attempt=1i,...,latency=0.01,execution_time=0.2}.
 * Timestamps are seconds ({@code precision=s}).
 */
final class InfluxFormat {

    private final boolean thresholds;
    private final boolean metadata;

    InfluxFormat(boolean thresholds, boolean metadata) {
        this.thresholds = thresholds;
        this.metadata = metadata;
    }

    /** Appends the lines of {@code s} to {@code out}. */
    void append(ResultSample s, StringBuilder out) {
        StringBuilder series = new StringBuilder(64);
        series.append(measurement(s.checkCommand())).append(",hostname=").append(tag(s.host()));
        if (!s.isHost()) {
            series.append(",service=").append(tag(s.service()));
        }
        String ts = " " + s.time() + "\n";
        for (PerfValue v : PerfData.parse(s.perfData()).values()) {
            if (v.undetermined()) {
                continue;
            }
            out.append(series).append(",metric=").append(tag(v.label())).append(" value=")
                    .append(Numbers.format(v.value()));
            if (thresholds) {
                field(out, "warn", Numbers.threshold(v.warn()));
                field(out, "crit", Numbers.threshold(v.crit()));
                field(out, "min", v.min());
                field(out, "max", v.max());
            }
            if (!v.unit().isEmpty()) {
                out.append(",unit=").append(string(v.unit()));
            }
            out.append(ts);
        }
        if (metadata) {
            out.append(series).append(" state=").append(s.state()).append("i,current_attempt=")
                    .append(s.currentAttempt()).append("i,max_check_attempts=").append(s.maxAttempts())
                    .append("i,state_type=").append(s.stateType()).append("i,downtime_depth=")
                    .append(s.downtimeDepth()).append("i,acknowledgement=").append(s.acknowledgement())
                    .append("i,latency=").append(Numbers.format(s.latency())).append(",execution_time=")
                    .append(Numbers.format(s.executionTime())).append(ts);
        }
    }

    private static void field(StringBuilder out, String name, OptionalDouble v) {
        if (v.isPresent()) {
            out.append(',').append(name).append('=').append(Numbers.format(v.getAsDouble()));
        }
    }

    /** A measurement: commas and blanks are escaped. */
    static String measurement(String s) {
        return escape(s, false);
    }

    /** A tag value: commas, blanks and {@code =} are escaped. */
    static String tag(String s) {
        return escape(s, true);
    }

    /**
     * Line protocol cannot escape a line break, and a backslash at the end would escape what follows it: control
     * characters become {@code _}, and so does a trailing backslash (as Icinga 2 does).
     */
    private static String escape(String s, boolean equals) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append('_');
            } else if (c == ',' || c == ' ' || (equals && c == '=')) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) == '\\') {
            b.setCharAt(b.length() - 1, '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }

    /** A string field: in double quotes, with {@code "} and {@code \} escaped. */
    static String string(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
