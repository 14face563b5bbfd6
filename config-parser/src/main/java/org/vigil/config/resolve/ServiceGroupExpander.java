package org.vigil.config.resolve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.graph.DepthFirst;
import org.vigil.config.model.ServiceKey;

/** Stage 4c: members of service groups, from {@code members} pairs, services' {@code servicegroups}, and nesting. */
final class ServiceGroupExpander {

    private final Registry registry;
    private final Map<ServiceKey, Definition> services;
    private final Map<String, Set<ServiceKey>> direct = new HashMap<>();
    private final Map<String, Set<ServiceKey>> expanded = new HashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();
    /** The nested groups of the groups being expanded. */
    private final Map<String, Set<String>> nestedGroups = new HashMap<>();

    ServiceGroupExpander(Registry registry, Map<ServiceKey, Definition> services) {
        this.registry = registry;
        this.services = services;
        for (Definition g : registry.all(ObjectType.SERVICEGROUP)) {
            direct.put(g.get("servicegroup_name"), pairs(g));
        }
        Set<String> reported = new HashSet<>();
        // each service's list of groups looked up in parallel (through its templates), joined in order
        List<Map.Entry<ServiceKey, Definition>> entries = new java.util.ArrayList<>(services.entrySet());
        @SuppressWarnings("unchecked")
        List<String>[] lists = new List[entries.size()];
        ParallelChunks.run(entries.size(), registry.diags(), (from, to, found) -> {
            for (int i = from; i < to; i++) {
                lists[i] = Registry.split(entries.get(i).getValue().get("servicegroups"));
            }
        });
        for (int i = 0; i < lists.length; i++) {
            join(entries.get(i).getKey(), entries.get(i).getValue(), lists[i], reported);
        }
        if (services instanceof ExpandedServices expanded) {
            // Nagios adds every definition to its service groups before it drops duplicates
            for (Map.Entry<ServiceKey, Definition> e : expanded.dropped()) {
                join(e.getKey(), e.getValue(), Registry.split(e.getValue().get("servicegroups")), reported);
            }
        }
    }

    /** Adds {@code key} to the groups its definition names; an unknown group is reported once per line. */
    private void join(ServiceKey key, Definition s, List<String> groups, Set<String> reported) {
        for (int i = 0; i < groups.size(); i++) { // indexed: no iterator per service under the client compiler
            String group = groups.get(i);
            Set<ServiceKey> members = direct.get(group);
            if (members != null) {
                members.add(key);
            } else if (reported.add(group + "\0" + s.where("servicegroups"))) {
                registry.unknown(ObjectType.SERVICEGROUP, group, s.where("servicegroups"));
            }
        }
    }

    private Set<ServiceKey> pairs(Definition g) {
        Set<ServiceKey> out = new LinkedHashSet<>();
        List<String> items = Registry.split(g.get("members"));
        if (items.size() % 2 != 0) {
            registry.diags().error(g.where("members"), "servicegroup members '" + g.get("members")
                    + "' are not valid (expected host,service pairs)");
            return out;
        }
        for (int i = 0; i < items.size(); i += 2) {
            String host = items.get(i);
            String description = items.get(i + 1);
            boolean found = false;
            if (!host.equals("*") && !description.equals("*")) {
                ServiceKey k = new ServiceKey(host, description);
                found = services.containsKey(k);
                if (found) {
                    out.add(k);
                }
            } else for (ServiceKey k : services.keySet()) {
                if ((host.equals("*") || k.hostName().equals(host))
                        && (description.equals("*") || k.description().equals(description))) {
                    out.add(k);
                    found = true;
                }
            }
            if (!found) {
                registry.diags().error(g.where("members"), "service '" + description + "' on host '" + host
                        + "' in servicegroup '" + g.get("servicegroup_name") + "' is not defined (expected an"
                        + " existing host,service pair)");
            }
        }
        return out;
    }

    Set<ServiceKey> members(String group) {
        if (!expanded.containsKey(group) && direct.containsKey(group)) {
            DepthFirst.walk(group, this::enter, nestedGroups::get, this::collectNested);
        }
        return expanded.getOrDefault(group, Set.of());
    }

    private boolean enter(String group) {
        if (expanded.containsKey(group) || !direct.containsKey(group)) {
            return false;
        }
        Definition g = registry.find(ObjectType.SERVICEGROUP, group);
        if (!inProgress.add(group)) {
            registry.diags().error(g.where("servicegroup_members"), "servicegroup '" + group
                    + "' contains itself through servicegroup_members (expected nested groups without a loop)");
            return false;
        }
        Set<String> nested = new LinkedHashSet<>();
        registry.expandNames(ObjectType.SERVICEGROUP, g.get("servicegroup_members"), g.where("servicegroup_members"),
                nested, new LinkedHashSet<>());
        nestedGroups.put(group, nested);
        return true;
    }

    /** Once its nested groups are expanded (a group met again through a loop counts as empty). */
    private void collectNested(String group) {
        Set<ServiceKey> all = new LinkedHashSet<>(direct.get(group));
        for (String n : nestedGroups.remove(group)) {
            all.addAll(expanded.getOrDefault(n, Set.of()));
        }
        inProgress.remove(group);
        // in ServiceKey's order, sorted in two steps as the model's services are (a group of 100,000 services is
        // 100,000 keys compared in full otherwise, on the main thread)
        expanded.put(group, new LinkedHashSet<>(org.vigil.config.model.ObjectModel.sortedKeys(all)));
    }
}
