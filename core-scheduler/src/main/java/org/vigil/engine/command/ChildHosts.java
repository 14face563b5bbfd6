package org.vigil.engine.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.graph.DepthFirst;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;

/**
 * The hosts below a host through {@code parents}, in the order Nagios 4.4.6's
 * {@code schedule_and_propagate_downtime} schedules their downtimes: each child's children first, then the child,
 * children in config order. Walked on an explicit stack, so a chain of parents as deep as the config makes it
 * cannot overflow the engine thread's stack as Nagios's recursion would.
 *
 * <p>As in Nagios, a host reached through two parents is listed twice (it gets two downtimes). Unlike Nagios, a
 * loop of parents (which the config check refuses) is not followed round, and the walk stops once it has more
 * hosts than the caller has room for, so many paths through a lattice of parents cost no more than that.
 */
final class ChildHosts {

    /** The hosts found, and whether the walk stopped at the caller's maximum with more to come. */
    record Found(List<String> hosts, boolean cut) {
    }

    private final Map<String, List<String>> children = new HashMap<>();

    ChildHosts(ObjectModel model) {
        for (Host h : model.hosts().values()) {
            h.parents().stream().distinct()
                    .forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(h.name()));
        }
    }

    /** The hosts below {@code root} (without it), at most {@code max} of them. */
    Found below(String root, int max) {
        List<String> out = new ArrayList<>();
        Set<String> onPath = new HashSet<>();
        int[] entered = {0};
        boolean[] cut = {false};
        DepthFirst.walk(root, host -> {
            if (onPath.contains(host)) {
                return false;
            }
            if (!host.equals(root) && entered[0]++ >= max) {
                cut[0] = true;
                return false;
            }
            onPath.add(host);
            return true;
        }, host -> children.getOrDefault(host, List.of()), host -> {
            onPath.remove(host);
            if (!host.equals(root)) {
                out.add(host);
            }
        });
        return new Found(out, cut[0]);
    }
}
