package org.vigil.config.resolve;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
    /** Each group's members before nesting, with repeats: appended to, not hashed (sorted and made distinct once). */
    private final Map<String, List<ServiceKey>> direct = new HashMap<>();
    private final Map<String, Set<ServiceKey>> expanded = new HashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();
    /** The nested groups of the groups being expanded. */
    private final Map<String, Set<String>> nestedGroups = new HashMap<>();

    ServiceGroupExpander(Registry registry, ExpandedServices services) {
        this.registry = registry;
        this.services = services;
        for (Definition g : registry.all(ObjectType.SERVICEGROUP)) {
            direct.put(g.get("servicegroup_name"), pairs(g));
        }
        Set<String> reported = new HashSet<>();
        // each service's list of groups looked up in parallel (through its templates), joined in order
        List<ServiceKey> keys = services.keyList();
        List<Definition> defs = services.definitionList();
        @SuppressWarnings("unchecked")
        List<String>[] lists = new List[keys.size()];
        // for a service in exactly one known group, that group's list, looked up here on every core (the map is only
        // read until the joining below): the joining on this thread is then an append, not a lookup by name
        @SuppressWarnings("unchecked")
        List<ServiceKey>[] only = new List[keys.size()];
        ParallelChunks.run(keys.size(), registry.diags(), (from, to, found) -> {
            for (int i = from; i < to; i++) {
                lists[i] = Registry.split(defs.get(i).get("servicegroups"));
                if (lists[i].size() == 1) {
                    only[i] = direct.get(lists[i].get(0));
                }
            }
        });
        for (int i = 0; i < lists.length; i++) {
            if (only[i] != null) {
                only[i].add(keys.get(i));
            } else {
                join(keys.get(i), defs.get(i), lists[i], reported);
            }
        }
        // Nagios adds every definition to its service groups before it drops duplicates
        for (Map.Entry<ServiceKey, Definition> e : services.dropped()) {
            join(e.getKey(), e.getValue(), Registry.split(e.getValue().get("servicegroups")), reported);
        }
    }

    /** Adds {@code key} to the groups its definition names; an unknown group is reported once per line. */
    private void join(ServiceKey key, Definition s, List<String> groups, Set<String> reported) {
        for (int i = 0; i < groups.size(); i++) { // indexed: no iterator per service under the client compiler
            String group = groups.get(i);
            List<ServiceKey> members = direct.get(group);
            if (members != null) {
                members.add(key);
            } else if (reported.add(group + "\0" + s.where("servicegroups"))) {
                registry.unknown(ObjectType.SERVICEGROUP, group, s.where("servicegroups"));
            }
        }
    }

    private List<ServiceKey> pairs(Definition g) {
        List<ServiceKey> out = new ArrayList<>();
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

    /**
     * Expands, in parallel, every group that nests no other: its members are its own, sorted and made distinct, and
     * nothing in that can be reported, so the output is a serial expansion's (at 100,000 services each of a few such
     * groups was a sort of tens of thousands of keys on the main thread). Nested groups are expanded by
     * {@link #members} as before, reading these.
     */
    void expandPlainGroups() {
        List<String> plain = new ArrayList<>();
        for (Definition g : registry.all(ObjectType.SERVICEGROUP)) {
            String name = g.get("servicegroup_name");
            if (g.get("servicegroup_members") == null && !expanded.containsKey(name)) {
                plain.add(name);
            }
        }
        @SuppressWarnings("unchecked")
        Set<ServiceKey>[] done = new Set[plain.size()];
        java.util.stream.IntStream.range(0, plain.size()).parallel().forEach(i ->
                done[i] = sortedDistinct(direct.get(plain.get(i))));
        for (int i = 0; i < done.length; i++) {
            expanded.put(plain.get(i), done[i]);
        }
    }

    /**
     * Each service's groups, in the order of {@code groups} (each group's name once), from their {@code members}:
     * worked out on every core, the keys split between them by hash (at 100,000 services one map filled on the main
     * thread); a service in no group has none.
     */
    static java.util.function.Function<ServiceKey, List<String>> groupsOfEach(List<String> groups,
            List<List<ServiceKey>> members, int services) {
        int parts = services < 2 * ParallelChunks.SIZE ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors());
        @SuppressWarnings("unchecked")
        Map<ServiceKey, List<String>>[] maps = new Map[parts];
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            Map<ServiceKey, List<String>> map = new HashMap<>(services * 4 / 3 / parts + 16);
            for (int g = 0; g < groups.size(); g++) {
                String name = groups.get(g);
                List<ServiceKey> keys = members.get(g);
                for (int i = 0; i < keys.size(); i++) { // indexed: no iterator per member under the client compiler
                    ServiceKey k = keys.get(i);
                    if (Math.floorMod(k.hashCode(), parts) == part) {
                        map.computeIfAbsent(k, x -> new ArrayList<>(2)).add(name);
                    }
                }
            }
            maps[part] = map;
        });
        return k -> maps[Math.floorMod(k.hashCode(), parts)].getOrDefault(k, List.of());
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
        List<ServiceKey> all = new ArrayList<>(direct.get(group));
        for (String n : nestedGroups.remove(group)) {
            all.addAll(expanded.getOrDefault(n, Set.of()));
        }
        inProgress.remove(group);
        expanded.put(group, sortedDistinct(all));
    }

    /**
     * {@code all} in ServiceKey's order, each once: sorted in two steps as the model's services are (a group of
     * 100,000 services is 100,000 keys compared in full otherwise); the sort is stable, so repeats are adjacent.
     */
    private static Set<ServiceKey> sortedDistinct(List<ServiceKey> all) {
        List<ServiceKey> sorted = org.vigil.config.model.ObjectModel.sortedKeys(all);
        List<ServiceKey> distinct = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ServiceKey k = sorted.get(i);
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(k)) {
                distinct.add(k);
            }
        }
        return new SortedMembers(distinct);
    }

    /**
     * A group's members, distinct and in order: a list read as a set, hashed only if {@code contains} is asked (at
     * 100,000 services a {@code LinkedHashSet} of them was built on the main thread and then only iterated).
     */
    private static final class SortedMembers extends AbstractSet<ServiceKey> {
        private final List<ServiceKey> keys;
        private volatile Set<ServiceKey> lookup;

        SortedMembers(List<ServiceKey> keys) {
            this.keys = keys;
        }

        @Override
        public Iterator<ServiceKey> iterator() {
            return java.util.Collections.unmodifiableList(keys).iterator();
        }

        @Override
        public int size() {
            return keys.size();
        }

        @Override
        public Object[] toArray() {
            return keys.toArray();
        }

        @Override
        public boolean contains(Object o) {
            Set<ServiceKey> known = lookup;
            if (known == null) {
                known = new HashSet<>(keys);
                lookup = known; // volatile: another thread reading members sees a whole set or builds its own
            }
            return known.contains(o);
        }
    }
}
