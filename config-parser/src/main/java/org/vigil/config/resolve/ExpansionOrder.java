package org.vigil.config.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.graph.DepthFirst;

/**
 * The order in which Nagios 4 walks the hosts of a {@code host_name} list, the groups of a
 * {@code hostgroup_name} list and the members of a host group. Which of several definitions of one
 * service Nagios keeps depends on it (see {@link ServiceExpander}).
 *
 * <p>Nagios keeps objects in linked lists it builds by prepending: the objects of a type in reverse
 * definition order, the items of an expanded list in reverse order of first mention ({@code *} mentions
 * every object in reverse definition order). A host group's member list is rebuilt by prepending again,
 * in three rounds: its {@code members} (which so come back in order of first mention), then hosts that
 * name it in {@code hostgroups}, then the members of its {@code hostgroup_members} groups.
 */
final class ExpansionOrder {

    private final Registry registry;
    private final Registry.GroupMembers hostGroups;
    /** Per host group, the hosts that name it in their {@code hostgroups}, in definition order. */
    private final Map<String, List<String>> declaredBy = new HashMap<>();
    private final Map<String, List<String>> memberOrder = new HashMap<>();

    ExpansionOrder(Registry registry, Registry.GroupMembers hostGroups) {
        this.registry = registry;
        this.hostGroups = hostGroups;
        for (Definition h : registry.all(ObjectType.HOST)) {
            for (String group : Registry.split(h.get("hostgroups"))) {
                if (!group.startsWith("!")) {
                    declaredBy.computeIfAbsent(group, g -> new ArrayList<>()).add(h.get("host_name"));
                }
            }
        }
    }

    /** The hosts a {@code host_name} list accepts, in the order Nagios walks them; exclusions are left to the caller. */
    List<String> hosts(String list) {
        return walkOrder(ObjectType.HOST, list);
    }

    /** The host groups a {@code hostgroup_name} list accepts, in the order Nagios walks them. */
    List<String> groups(String list) {
        return walkOrder(ObjectType.HOSTGROUP, list);
    }

    /** The members of {@code group} in the order of Nagios's member list. */
    List<String> members(String group) {
        if (!memberOrder.containsKey(group)) {
            DepthFirst.walk(group, this::enter, this::nestedGroups, this::order);
        }
        return memberOrder.get(group);
    }

    private boolean enter(String group) {
        if (memberOrder.containsKey(group)) {
            return false;
        }
        memberOrder.put(group, List.of()); // a nesting loop is reported elsewhere; stop here
        return true;
    }

    private List<String> nestedGroups(String group) {
        Definition g = registry.find(ObjectType.HOSTGROUP, group);
        return mentioned(ObjectType.HOSTGROUP, g == null ? null : g.get("hostgroup_members"));
    }

    /** Once the member orders of its nested groups are known. */
    private void order(String group) {
        Collection<String> members = hostGroups.members(group);
        Definition g = registry.find(ObjectType.HOSTGROUP, group);
        Deque<String> order = new ArrayDeque<>(mentioned(ObjectType.HOST, g == null ? null : g.get("members")));
        Set<String> seen = new LinkedHashSet<>(order);
        List<String> declaring = declaredBy.getOrDefault(group, List.of());
        for (int i = declaring.size() - 1; i >= 0; i--) {
            prependNew(order, seen, declaring.get(i));
        }
        List<String> nested = nestedGroups(group);
        for (int i = nested.size() - 1; i >= 0; i--) {
            for (String host : memberOrder.get(nested.get(i))) {
                prependNew(order, seen, host);
            }
        }
        List<String> result = new ArrayList<>(members.size());
        for (String host : order) {
            if (members.contains(host)) {
                result.add(host);
            }
        }
        if (result.size() < members.size()) {
            // a member this model does not place (it should not happen): keep it, last
            members.stream().filter(h -> !seen.contains(h)).sorted().forEach(result::add);
        }
        memberOrder.put(group, result);
    }

    private static void prependNew(Deque<String> order, Set<String> seen, String host) {
        if (seen.add(host)) {
            order.addFirst(host);
        }
    }

    private List<String> walkOrder(ObjectType type, String list) {
        List<String> order = mentioned(type, list);
        java.util.Collections.reverse(order);
        return order;
    }

    /** Accepted names of a list in order of first mention, {@code *} naming every object in reverse definition order. */
    private List<String> mentioned(ObjectType type, String list) {
        Set<String> names = new LinkedHashSet<>();
        boolean patterns = false;
        for (String item : Registry.split(list)) {
            patterns = (patterns && NameMatching.sticky(type)) || registry.matching().isPattern(item);
            if (patterns) {
                // Nagios tests a pattern against the objects in the order '*' walks them
                List<String> found = registry.matches(type, item, null);
                List<String> reversed = new ArrayList<>(found == null ? List.of() : found);
                java.util.Collections.reverse(reversed);
                names.addAll(reversed);
            } else if (item.equals("*")) {
                List<Definition> all = registry.all(type);
                for (int i = all.size() - 1; i >= 0; i--) {
                    names.add(all.get(i).get(type.nameAttribute()));
                }
            } else if (!item.startsWith("!") && registry.find(type, item) != null) {
                names.add(item);
            }
        }
        return new ArrayList<>(names);
    }
}
