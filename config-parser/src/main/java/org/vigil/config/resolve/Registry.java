package org.vigil.config.resolve;

import org.vigil.config.diag.Suggest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/**
 * The registered definitions of one load, indexed by name, with the list expansions every later stage
 * uses: {@code *}, {@code !name} exclusions, and group names turned into members.
 */
public final class Registry {

    private final Diagnostics diags;
    private final NameMatching matching;
    private final Map<ObjectType, List<Definition>> byType = new EnumMap<>(ObjectType.class);
    private final Map<ObjectType, Map<String, Definition>> byName = new EnumMap<>(ObjectType.class);
    /** Some registered service is also a template ({@code name}), so other definitions read it. */
    private boolean templateServices;

    public Registry(Diagnostics diags, List<Definition> resolved) {
        this(diags, resolved, NameMatching.EXACT);
    }

    public Registry(Diagnostics diags, List<Definition> resolved, NameMatching matching) {
        this.diags = diags;
        this.matching = matching;
        for (ObjectType t : ObjectType.values()) {
            byType.put(t, new ArrayList<>());
            byName.put(t, new LinkedHashMap<>());
        }
        for (Definition d : resolved) {
            if (d.register && d.state == 2) {
                add(d);
            }
        }
    }

    private void add(Definition d) {
        templateServices |= d.type == ObjectType.SERVICE && d.templateName != null;
        String nameKey = d.type.nameAttribute();
        if (nameKey == null) {
            byType.get(d.type).add(d);
            return;
        }
        String name = d.get(nameKey);
        if (name == null || name.isBlank()) {
            diags.error(d.location, d.type.keyword() + " definition has no " + nameKey
                    + " (expected '" + nameKey + " NAME', or 'register 0' if it is only a template)");
            return;
        }
        Definition previous = byName.get(d.type).putIfAbsent(name, d);
        if (previous != null) {
            // Nagios 4 refuses a config that defines a named object twice
            diags.error(d.where(nameKey), d.type.keyword() + " '" + name + "' is defined twice (first at "
                    + previous.location + "; expected each " + nameKey + " once)");
            return;
        }
        byType.get(d.type).add(d);
    }

    /** Whether a registered service is also a template: found as they are registered, not by a pass over them. */
    boolean anyServiceIsTemplate() {
        return templateServices;
    }

    public List<Definition> all(ObjectType type) {
        return byType.get(type);
    }

    public Definition find(ObjectType type, String name) {
        return byName.get(type).get(name);
    }

    public Set<String> names(ObjectType type) {
        return byName.get(type).keySet();
    }

    public Diagnostics diags() {
        return diags;
    }

    /** Splits a comma-separated list, trimming blanks and dropping empty items. */
    public static List<String> split(String list) {
        // most lists are unset or one name: those allocate no list of their own (nobody changes the result)
        if (list == null) {
            return List.of();
        }
        if (list.indexOf(',') < 0) {
            int a = 0;
            int b = list.length();
            while (a < b && Character.isWhitespace(list.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(list.charAt(b - 1))) {
                b--;
            }
            return a == b ? List.of() : List.of(a == 0 && b == list.length() ? list : list.substring(a, b));
        }
        List<String> out = new ArrayList<>(4);
        // by index, not String.split: called for every list of every object (its array and untrimmed parts)
        int from = 0;
        while (from <= list.length()) {
            int comma = list.indexOf(',', from);
            int end = comma < 0 ? list.length() : comma;
            int a = from;
            int b = end;
            while (a < b && Character.isWhitespace(list.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(list.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                out.add(a == 0 && b == list.length() ? list : list.substring(a, b));
            }
            from = end + 1;
        }
        return out;
    }

    /**
     * Expands a list of names of {@code type}: {@code *} is every one, {@code !name} removes one, and
     * each name must exist. Exclusions go to {@code rejected} so callers can combine several lists.
     */
    public void expandNames(ObjectType type, String list, SourceLocation where, Set<String> into, Set<String> rejected) {
        for (String item : split(list)) {
            boolean reject = item.startsWith("!");
            String name = reject ? item.substring(1).strip() : item;
            if (name.equals("*")) {
                (reject ? rejected : into).addAll(names(type));
            } else if (find(type, name) != null) {
                (reject ? rejected : into).add(name);
            } else {
                unknown(type, name, where);
            }
        }
    }

    /**
     * Expands a list as Nagios expands the lists that may hold regular expressions (host and host group
     * lists, group members, service group lists): as {@link #expandNames}, except that with
     * {@code use_regexp_matching} an item may be a pattern (see {@link NameMatching}), which must match at
     * least one name.
     */
    public void expandList(ObjectType type, String list, SourceLocation where, Set<String> into, Set<String> rejected) {
        boolean patterns = false;
        for (String item : split(list)) {
            patterns = (patterns && NameMatching.sticky(type)) || matching.isPattern(item);
            if (!patterns) {
                expandNames(type, item, where, into, rejected);
                continue;
            }
            List<String> found = matches(type, item, where);
            into.addAll(found == null ? List.of() : found);
            if (found != null && found.isEmpty()) {
                diags.error(where, "no " + type.keyword() + " name matches the regular expression '" + item
                        + "' (expected a pattern that matches part of a defined name; with use_regexp_matching=1"
                        + " an item with *, ?, + or \\. is a regular expression" + (matching.trueRegexp()
                        ? ", and with use_true_regexp_matching=1 every item is" : "") + ")");
            }
        }
    }

    /** Whether list items of {@code type} may be patterns, and which are. */
    public NameMatching matching() {
        return matching;
    }

    /**
     * The names of {@code type} the pattern {@code item} matches, in definition order; null for a pattern
     * that does not compile, reported at {@code where} unless it is null.
     */
    List<String> matches(ObjectType type, String item, SourceLocation where) {
        java.util.function.Predicate<String> test;
        try {
            test = NameMatching.compile(item);
        } catch (java.util.regex.PatternSyntaxException e) {
            if (where != null) {
                diags.error(where, "'" + item + "' is not a valid regular expression (" + e.getDescription()
                        + " near index " + e.getIndex() + "; expected a POSIX extended regular expression, as"
                        + " use_regexp_matching=1 makes every item with *, ?, + or \\. one"
                        + (item.startsWith("*") ? "; '.*' matches every name" : "") + ")");
            }
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String name : names(type)) {
            if (test.test(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Reports a reference to an undefined object, with the closest defined name. */
    public void unknown(ObjectType type, String name, SourceLocation where) {
        unknown(type, name, where, diags);
    }

    /** As {@link #unknown(ObjectType, String, SourceLocation)}, reporting to {@code to}. */
    public void unknown(ObjectType type, String name, SourceLocation where, Diagnostics to) {
        to.error(where, type.keyword() + " '" + name + "' is not defined (expected the name of a "
                + type.keyword() + Suggest.hint(name, names(type)) + ")");
    }

    /** Hosts named by a host list and a hostgroup list together, exclusions of either applied last. */
    public Set<String> hostsOf(String hostList, SourceLocation hostWhere, String groupList, SourceLocation groupWhere,
                               GroupMembers groups) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> rejected = new LinkedHashSet<>();
        expandList(ObjectType.HOST, hostList, hostWhere, hosts, rejected);
        Set<String> groupNames = new LinkedHashSet<>();
        Set<String> rejectedGroups = new LinkedHashSet<>();
        expandList(ObjectType.HOSTGROUP, groupList, groupWhere, groupNames, rejectedGroups);
        for (String g : groupNames) {
            hosts.addAll(groups.members(g));
        }
        for (String g : rejectedGroups) {
            rejected.addAll(groups.members(g));
        }
        hosts.removeAll(rejected);
        return hosts;
    }

    /** Member lookup for a kind of group, after nested groups are expanded. */
    public interface GroupMembers {
        Collection<String> members(String group);
    }
}
