package org.vigil.config.resolve;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.graph.DepthFirst;

/**
 * Stage 4a: computes the members of host groups and contact groups from both sides (the group's
 * {@code members} and each member's {@code hostgroups}/{@code contactgroups}) and nested groups.
 */
public final class GroupExpander implements Registry.GroupMembers {

    private final Registry registry;
    private final ObjectType groupType;
    private final ObjectType memberType;
    private final String nestedKey;
    private final Map<String, Set<String>> direct = new HashMap<>();
    private final Map<String, Set<String>> rejectedByGroup = new HashMap<>();
    private final Map<String, Set<String>> expanded = new HashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();
    /** The nested groups of the groups being expanded. */
    private final Map<String, Set<String>> nestedGroups = new HashMap<>();

    private GroupExpander(Registry registry, ObjectType groupType, ObjectType memberType, String backReference,
                          String nestedKey) {
        this.registry = registry;
        this.groupType = groupType;
        this.memberType = memberType;
        this.nestedKey = nestedKey;
        collect(backReference);
    }

    public static GroupExpander hostGroups(Registry r) {
        return new GroupExpander(r, ObjectType.HOSTGROUP, ObjectType.HOST, "hostgroups", "hostgroup_members");
    }

    public static GroupExpander contactGroups(Registry r) {
        return new GroupExpander(r, ObjectType.CONTACTGROUP, ObjectType.CONTACT, "contactgroups",
                "contactgroup_members");
    }

    private void collect(String backReference) {
        for (Definition g : registry.all(groupType)) {
            Set<String> members = new LinkedHashSet<>();
            Set<String> rejected = new LinkedHashSet<>();
            registry.expandList(memberType, g.get("members"), g.where("members"), members, rejected);
            direct.put(g.get(groupType.nameAttribute()), members);
            rejectedByGroup.put(g.get(groupType.nameAttribute()), rejected);
        }
        for (Definition m : registry.all(memberType)) {
            String memberName = m.get(memberType.nameAttribute());
            for (String group : Registry.split(m.get(backReference))) {
                Set<String> members = direct.get(group);
                if (members == null) {
                    registry.unknown(groupType, group, m.where(backReference));
                } else {
                    members.add(memberName);
                }
            }
        }
        // an exclusion in a group's members removes a member even if it named the group itself, as in Nagios
        rejectedByGroup.forEach((group, rejected) -> direct.get(group).removeAll(rejected));
    }

    /** Every member of {@code group}, nested groups included, sorted by name as Nagios lists them. */
    @Override
    public Set<String> members(String group) {
        if (!expanded.containsKey(group) && direct.containsKey(group)) {
            DepthFirst.walk(group, this::enter, nestedGroups::get, this::collectNested);
        }
        return expanded.getOrDefault(group, Set.of());
    }

    private boolean enter(String group) {
        if (expanded.containsKey(group) || !direct.containsKey(group)) {
            return false;
        }
        if (!inProgress.add(group)) {
            Definition g = registry.find(groupType, group);
            registry.diags().error(g.where(nestedKey), groupType.keyword() + " '" + group
                    + "' contains itself through " + nestedKey + " (expected nested groups without a loop)");
            return false;
        }
        Definition g = registry.find(groupType, group);
        Set<String> nested = new LinkedHashSet<>();
        registry.expandNames(groupType, g.get(nestedKey), g.where(nestedKey), nested, new LinkedHashSet<>());
        nestedGroups.put(group, nested);
        return true;
    }

    /** Once its nested groups are expanded (a group met again through a loop counts as empty). */
    private void collectNested(String group) {
        Set<String> all = new TreeSet<>(direct.get(group));
        for (String n : nestedGroups.remove(group)) {
            all.addAll(expanded.getOrDefault(n, Set.of()));
        }
        // the group's own exclusions win over members that came in through nested groups, too
        all.removeAll(rejectedByGroup.getOrDefault(group, Set.of()));
        inProgress.remove(group);
        expanded.put(group, all);
    }

    Diagnostics diags() {
        return registry.diags();
    }
}
