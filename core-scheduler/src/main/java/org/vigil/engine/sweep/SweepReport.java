package org.vigil.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sweep's summary as text (for a terminal) and as JSON (for scripts and the API); pure functions. */
public final class SweepReport {

    private SweepReport() {
    }

    /** The summary as lines: the headline, every problem with its output, changes marked, then the counts. */
    public static List<String> text(SweepSummary s) {
        SweepProgress p = s.progress();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Sweep %d (%s): %s %d of %d checks on %d hosts in %.2f s; %d not OK, %d"
                        + " changed", p.id(), s.selection(), p.phase() == SweepProgress.Phase.CANCELLED
                        ? "cancelled after" : "ran", p.done(), p.total(), s.hosts(), p.elapsed().toNanos() / 1e9,
                p.problems(), s.changed().size()));
        if (!s.problems().isEmpty()) {
            int width = s.problems().stream().mapToInt(r -> r.name().length()).max().orElse(0);
            out.add("");
            for (SweepResult r : s.problems()) {
                out.add(String.format(Locale.ROOT, "%-8s %-" + width + "s  %s%s", r.state(), r.name(), r.output(),
                        r.changed() ? "  [changed: was " + r.previousState() + "]" : ""));
            }
        }
        List<SweepResult> recovered = s.changed().stream().filter(SweepResult::ok).toList();
        if (!recovered.isEmpty()) {
            out.add("");
            recovered.forEach(r -> out.add(String.format(Locale.ROOT, "%-8s %s  [changed: was %s]", r.state(),
                    r.name(), r.previousState())));
        }
        if (!p.problemsByState().isEmpty()) {
            out.add("");
            out.add("not OK by state: " + counts(p.problemsByState()));
            out.add("not OK by host:  " + counts(p.problemsByHost()));
        }
        if (!s.skipped().isEmpty()) {
            out.add("skipped " + s.skipped().size() + ": " + String.join("; ", s.skipped()));
        }
        if (!s.notStarted().isEmpty()) {
            out.add("not run " + s.notStarted().size() + ": " + String.join("; ", s.notStarted().subList(0,
                    Math.min(10, s.notStarted().size()))) + (s.notStarted().size() > 10 ? "; ..." : ""));
        }
        return out;
    }

    private static String counts(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
        return String.join(", ", parts);
    }

    /** The progress as one JSON object. */
    public static String json(SweepProgress p) {
        return "{\"id\":" + p.id() + ",\"phase\":" + str(p.phase().name().toLowerCase(Locale.ROOT)) + ",\"done\":"
                + p.done() + ",\"total\":" + p.total() + ",\"percent\":" + p.percent() + ",\"problems\":" + p.problems()
                + ",\"problems_by_state\":" + map(p.problemsByState()) + ",\"problems_by_host\":"
                + map(p.problemsByHost()) + ",\"elapsed_ms\":" + p.elapsed().toMillis() + "}";
    }

    /** The summary as one JSON object: the progress, then the problems, changes, skipped and not run. */
    public static String json(SweepSummary s) {
        StringBuilder b = new StringBuilder(json(s.progress()));
        b.setLength(b.length() - 1);
        b.append(",\"selection\":").append(str(s.selection())).append(",\"hosts\":").append(s.hosts());
        b.append(",\"not_ok\":").append(results(s.problems()));
        b.append(",\"changed\":").append(results(s.changed()));
        b.append(",\"skipped\":").append(strings(s.skipped()));
        b.append(",\"not_run\":").append(strings(s.notStarted()));
        return b.append('}').toString();
    }

    private static String results(List<SweepResult> rs) {
        List<String> items = new ArrayList<>();
        for (SweepResult r : rs) {
            items.add("{\"host\":" + str(r.host()) + ",\"service\":" + (r.service() == null ? "null" : str(r.service()))
                    + ",\"state\":" + str(r.state()) + ",\"state_type\":" + str(r.stateType()) + ",\"output\":"
                    + str(r.output()) + ",\"previous_state\":" + str(r.previousState()) + ",\"changed\":"
                    + r.changed() + ",\"ran\":" + r.ran() + "}");
        }
        return "[" + String.join(",", items) + "]";
    }

    private static String strings(List<String> list) {
        return "[" + String.join(",", list.stream().map(SweepReport::str).toList()) + "]";
    }

    private static String map(Map<String, Integer> m) {
        List<String> items = new ArrayList<>();
        new java.util.TreeMap<>(m).forEach((k, v) -> items.add(str(k) + ":" + v));
        return "{" + String.join(",", items) + "}";
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
