package org.vigil.config.timeperiod;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.graph.DepthFirst;

/** Every timeperiod of a config compiled for evaluation in one zone, exclusions resolved and cycles cut. */
public final class TimeperiodSchedule {

    /** What the schedule needs of one defined timeperiod; templates already applied to {@code rules}. */
    public record Definition(TimeperiodRules rules, List<String> exclusions, SourceLocation location) {
        public Definition {
            exclusions = List.copyOf(exclusions);
        }
    }

    private final Map<String, CompiledTimeperiod> periods;
    private final ZoneId zone;

    private TimeperiodSchedule(Map<String, CompiledTimeperiod> periods, ZoneId zone) {
        this.periods = Collections.unmodifiableMap(periods);
        this.zone = zone;
    }

    /**
     * Compiles {@code definitions} (by timeperiod name). An exclusion naming an unknown period, or closing a
     * cycle ({@code a} excludes {@code b} excludes {@code a}), is reported to {@code diags} and left out, so
     * evaluation always terminates.
     */
    public static TimeperiodSchedule compile(Map<String, Definition> definitions, ZoneId zone, Diagnostics diags) {
        Map<String, List<String>> edges = new ExclusionGraph(definitions, diags).acyclicEdges();
        Map<String, CompiledTimeperiod> built = new HashMap<>();
        Map<String, CompiledTimeperiod> inOrder = new LinkedHashMap<>();
        for (String name : definitions.keySet()) {
            // excluded periods are built first, so each is complete before a period that excludes it
            DepthFirst.walk(name, n -> !built.containsKey(n), edges::get, n -> {
                List<CompiledTimeperiod> excluded = new ArrayList<>();
                for (String target : edges.get(n)) {
                    excluded.add(built.get(target));
                }
                built.put(n, new CompiledTimeperiod(n, definitions.get(n).rules(), excluded, zone));
            });
            inOrder.put(name, built.get(name));
        }
        return new TimeperiodSchedule(inOrder, zone);
    }

    public Optional<CompiledTimeperiod> find(String name) {
        return Optional.ofNullable(periods.get(name));
    }

    public Map<String, CompiledTimeperiod> all() {
        return periods;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The exclusion edges checked for unknown names and cycles, by depth-first search. */
    private static final class ExclusionGraph {

        private final Map<String, Definition> definitions;
        private final Diagnostics diags;
        private final Map<String, List<String>> kept = new LinkedHashMap<>();
        private final Map<String, Boolean> onPath = new HashMap<>();

        ExclusionGraph(Map<String, Definition> definitions, Diagnostics diags) {
            this.definitions = definitions;
            this.diags = diags;
        }

        Map<String, List<String>> acyclicEdges() {
            List<String> path = new ArrayList<>();
            for (String name : definitions.keySet()) {
                DepthFirst.walk(name, n -> enter(n, path), kept::get, n -> {
                    path.remove(path.size() - 1);
                    onPath.put(n, false);
                });
            }
            return kept;
        }

        /** Keeps the exclusions of {@code name} that are defined and close no cycle; reports the others. */
        private boolean enter(String name, List<String> path) {
            if (kept.containsKey(name)) {
                return false;
            }
            Definition def = definitions.get(name);
            List<String> out = new ArrayList<>();
            kept.put(name, out);
            onPath.put(name, true);
            path.add(name);
            for (String target : def.exclusions()) {
                if (!definitions.containsKey(target)) {
                    diags.error(def.location(), "timeperiod '" + name + "' excludes '" + target
                            + "', which is not defined (expected the timeperiod_name of a defined timeperiod)");
                } else if (Boolean.TRUE.equals(onPath.get(target))) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
                    cycle.add(target);
                    diags.error(def.location(), "timeperiod '" + name + "' excludes '" + target + "', which"
                            + " leads back to it: " + String.join(" -> ", cycle) + " (expected exclusions without"
                            + " a cycle; this exclusion is ignored)");
                } else {
                    out.add(target);
                }
            }
            return true;
        }
    }
}
