package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;

/** Stage 6: finds loops Nagios refuses: hosts that are their own ancestors, and circular dependencies. */
final class CycleChecker {

    private final Diagnostics diags;

    CycleChecker(Diagnostics diags) {
        this.diags = diags;
    }

    void check(ObjectModel model, java.util.function.Function<String, org.vigil.config.diag.SourceLocation> parentsLine) {
        Map<String, List<String>> parents = new HashMap<>();
        for (Host h : model.hosts().values()) {
            parents.put(h.name(), h.parents());
        }
        for (String loop : loops(parents)) {
            Host h = model.hosts().get(loop);
            diags.error(parentsLine.apply(loop), "circular parent/child relationship: host '" + loop
                    + "' is among its own parents (expected a tree of parents)");
        }
        checkDependencies(model.hostDependencies(), "host");
        checkDependencies(model.serviceDependencies(), "service");
    }

    private void checkDependencies(List<Dependency> deps, String kind) {
        for (Dependency.Kind k : Dependency.Kind.values()) {
            Map<String, List<String>> graph = new HashMap<>();
            Map<String, Dependency> first = new HashMap<>();
            for (Dependency d : deps) {
                if (d.kind() != k) {
                    continue;
                }
                String dependent = key(d.dependentHostName(), d.dependentServiceDescription());
                graph.computeIfAbsent(dependent, x -> new ArrayList<>()).add(key(d.hostName(), d.serviceDescription()));
                first.putIfAbsent(dependent, d);
            }
            for (String loop : loops(graph)) {
                Dependency d = first.get(loop);
                diags.error(d.location(), "circular " + k.name().toLowerCase() + " " + kind + " dependency: '"
                        + loop.replace('\u0000', ';') + "' depends on itself (expected dependencies without a loop)");
            }
        }
    }

    private static String key(String host, String service) {
        return service == null ? host : host + '\u0000' + service;
    }

    /** The nodes from which a loop is found, one per loop (iterative DFS: deep chains must not overflow). */
    static List<String> loops(Map<String, List<String>> edges) {
        Map<String, Integer> color = new HashMap<>();
        List<String> found = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (color.containsKey(start)) {
                continue;
            }
            List<String> stack = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            stack.add(start);
            index.add(0);
            color.put(start, 1);
            while (!stack.isEmpty()) {
                int top = stack.size() - 1;
                String node = stack.get(top);
                List<String> next = edges.getOrDefault(node, List.of());
                int i = index.get(top);
                if (i < next.size()) {
                    index.set(top, i + 1);
                    String n = next.get(i);
                    Integer c = color.get(n);
                    if (c == null) {
                        color.put(n, 1);
                        stack.add(n);
                        index.add(0);
                    } else if (c == 1) {
                        found.add(n);
                    }
                } else {
                    color.put(node, 2);
                    stack.remove(top);
                    index.remove(top);
                }
            }
        }
        return found;
    }
}
