package org.vigil.perfdata;

import java.util.OptionalDouble;
import org.vigil.checks.output.PerfData;
import org.vigil.checks.output.PerfValue;

/**
 * A result as carbon plaintext lines ({@code name value timestamp}), named as Icinga 2's GraphiteWriter names them:
 * {@code PREFIX.HOST.services.SERVICE.COMMAND.perfdata.LABEL.value} (a host's: {@code PREFIX.HOST.host.COMMAND...}),
 * with {@code .warn .crit .min .max} beside {@code .value}, and {@code PREFIX.HOST...COMMAND.metadata.state} and
 * the other metadata. Host, service and command have {@code .}, blanks, {@code /} and {@code \} made {@code _};
 * a label keeps its dots (they make levels, as in Icinga 2) and {@code ::} becomes {@code .}.
 */
final class GraphiteFormat {

    private final String prefix;
    private final boolean thresholds;
    private final boolean metadata;

    GraphiteFormat(GraphiteConfig config) {
        this(config.prefix, config.sendThresholds, config.sendMetadata);
    }

    GraphiteFormat(String prefix, boolean thresholds, boolean metadata) {
        this.prefix = prefix;
        this.thresholds = thresholds;
        this.metadata = metadata;
    }

    /** Appends the lines of {@code s} to {@code out}. */
    void append(ResultSample s, StringBuilder out) {
        String base = prefix + "." + escape(s.host()) + (s.isHost() ? ".host." : ".services." + escape(s.service())
                + ".") + escape(s.checkCommand());
        String ts = " " + s.time() + "\n";
        for (PerfValue v : PerfData.parse(s.perfData()).values()) {
            if (v.undetermined()) {
                continue;
            }
            String name = base + ".perfdata." + escapeLabel(v.label());
            line(out, name + ".value", v.value(), ts);
            if (thresholds) {
                optional(out, name + ".warn", Numbers.threshold(v.warn()), ts);
                optional(out, name + ".crit", Numbers.threshold(v.crit()), ts);
                optional(out, name + ".min", v.min(), ts);
                optional(out, name + ".max", v.max(), ts);
            }
        }
        if (metadata) {
            String m = base + ".metadata.";
            line(out, m + "state", s.state(), ts);
            line(out, m + "current_attempt", s.currentAttempt(), ts);
            line(out, m + "max_check_attempts", s.maxAttempts(), ts);
            line(out, m + "state_type", s.stateType(), ts);
            line(out, m + "downtime_depth", s.downtimeDepth(), ts);
            line(out, m + "acknowledgement", s.acknowledgement(), ts);
            line(out, m + "latency", s.latency(), ts);
            line(out, m + "execution_time", s.executionTime(), ts);
        }
    }

    private static void optional(StringBuilder out, String name, OptionalDouble v, String ts) {
        if (v.isPresent()) {
            line(out, name, v.getAsDouble(), ts);
        }
    }

    private static void line(StringBuilder out, String name, double value, String ts) {
        out.append(name).append(' ').append(Numbers.format(value)).append(ts);
    }

    /** A path part: a dot would make a level of its own. */
    static String escape(String part) {
        return clean(part).replace('.', '_');
    }

    /** A perfdata label: its dots make levels, as Icinga 2 keeps them; {@code ::} (Windows counters) a level too. */
    static String escapeLabel(String label) {
        return clean(label).replace("::", ".");
    }

    /** Blanks and control characters would end the name, {@code /} and {@code \} upset whisper's paths. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isWhitespace(c) || Character.isISOControl(c) || c == '/' || c == '\\' ? '_' : c);
        }
        return b.toString();
    }
}
