package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.Suggest;
import org.vigil.config.model.ServiceKey;

/**
 * The services an escalation or a dependency names, as Nagios 4.4.6's {@code xodtemplate_create_service_list}
 * and {@code xodtemplate_expand_services} select them: hosts (from {@code host_name}/{@code hostgroup_name})
 * times the items of {@code service_description}, plus the members of {@code servicegroup_name}.
 *
 * <p>A description item is {@code *} (every service of the host), {@code !NAME} (that service of the host
 * is left out, wherever it stands in the list; a name the host does not have is silently ignored by Nagios),
 * or a name, which the host must have. With {@code use_regexp_matching} an item may be a pattern.
 */
final class ServiceSelection {

    private final Registry registry;
    private final Diagnostics diags;
    private final GroupExpander hostGroups;
    private final ServiceGroupExpander serviceGroups;
    private final Map<ServiceKey, Definition> services;
    /** Services per host, built on first use of {@code *} or a pattern. */
    private Map<String, List<ServiceKey>> servicesByHost;

    ServiceSelection(Registry registry, GroupExpander hostGroups, ServiceGroupExpander serviceGroups,
                     Map<ServiceKey, Definition> services) {
        this.registry = registry;
        this.diags = registry.diags();
        this.hostGroups = hostGroups;
        this.serviceGroups = serviceGroups;
        this.services = services;
    }

    /** The hosts named by {@code PREFIXhost_name} and {@code PREFIXhostgroup_name} of {@code d}. */
    Set<String> hosts(Definition d, String prefix) {
        String hostKey = prefix + "host_name";
        String groupKey = prefix + "hostgroup_name";
        return registry.hostsOf(d.get(hostKey), d.where(hostKey), d.get(groupKey), d.where(groupKey), hostGroups);
    }

    /**
     * The services {@code d} names on the side {@code prefix} ("" or "dependent_"): its hosts times its
     * descriptions, plus its service groups' members. Reports an empty selection.
     */
    Set<ServiceKey> of(Definition d, String prefix) {
        Set<ServiceKey> out = new LinkedHashSet<>();
        String groupKey = prefix + "servicegroup_name";
        Set<String> groups = new LinkedHashSet<>();
        registry.expandList(ObjectType.SERVICEGROUP, d.get(groupKey), d.where(groupKey), groups, new LinkedHashSet<>());
        for (String g : groups) {
            out.addAll(serviceGroups.members(g));
        }
        Set<String> unusedExclusions = exclusions(d.get(prefix + "service_description"));
        for (String host : hosts(d, prefix)) {
            out.addAll(onHost(d, prefix, host, unusedExclusions));
        }
        warnUnused(d, prefix, unusedExclusions);
        if (out.isEmpty()) {
            String descKey = prefix + "service_description";
            diags.error(d.location, d.type.keyword() + " names no " + (prefix.isEmpty() ? "" : "dependent ")
                    + "service (expected " + prefix + "host_name/" + prefix + "hostgroup_name with " + descKey
                    + ", or " + groupKey + ")");
        }
        return out;
    }

    /** The services of {@code host} that the items of {@code PREFIXservice_description} select. */
    Set<ServiceKey> onHost(Definition d, String prefix, String host) {
        return onHost(d, prefix, host, new HashSet<>());
    }

    private Set<ServiceKey> onHost(Definition d, String prefix, String host, Set<String> unusedExclusions) {
        String descKey = prefix + "service_description";
        Set<ServiceKey> accepted = new LinkedHashSet<>();
        Set<ServiceKey> rejected = new HashSet<>();
        NameMatching matching = registry.matching();
        Predicate<String> hostTest = matching.isPattern(host) ? pattern(host, null) : null;
        for (String item : Registry.split(d.get(descKey))) {
            if (hostTest != null || matching.isPattern(item)) {
                // Nagios then compares every item, '*' and '!' included, as a pattern or literally
                Predicate<String> test = matching.isPattern(item) ? pattern(item, d) : item::equals;
                if (test != null && !matchAll(hostTest == null ? host::equals : hostTest, test, accepted)) {
                    diags.error(d.where(descKey), "no service on host '" + host + "' matches '" + item + "'"
                            + " (expected a service description, or a regular expression that matches one)");
                }
                continue;
            }
            if (item.equals("*")) {
                accepted.addAll(servicesByHost().getOrDefault(host, List.of()));
                continue;
            }
            boolean reject = item.startsWith("!");
            ServiceKey k = new ServiceKey(host, reject ? item.substring(1) : item);
            if (!services.containsKey(k)) {
                if (!reject) {
                    diags.error(d.where(descKey), "service '" + item + "' on host '" + host + "' is not defined"
                            + " (expected an existing service" + Suggest.hint(item, descriptionsOf(host)) + ")");
                }
            } else if (reject) {
                rejected.add(k);
                unusedExclusions.remove(item);
            } else {
                accepted.add(k);
            }
        }
        accepted.removeAll(rejected);
        return accepted;
    }

    /**
     * Adds the services whose host and description pass the tests; false if none does. With
     * {@code use_true_regexp_matching} a host's own name is a pattern too, so for host {@code db1} Nagios
     * also takes the services of {@code db10}.
     */
    private boolean matchAll(Predicate<String> hostTest, Predicate<String> descriptionTest, Set<ServiceKey> into) {
        boolean found = false;
        for (Map.Entry<String, List<ServiceKey>> e : servicesByHost().entrySet()) {
            if (!hostTest.test(e.getKey())) {
                continue;
            }
            for (ServiceKey k : e.getValue()) {
                if (descriptionTest.test(k.description())) {
                    into.add(k);
                    found = true;
                }
            }
        }
        return found;
    }

    /** The compiled pattern; null if it does not compile, reported at the description of {@code d} if given. */
    private Predicate<String> pattern(String item, Definition d) {
        try {
            return NameMatching.compile(item);
        } catch (PatternSyntaxException e) {
            if (d != null) {
                diags.error(d.where("service_description"), "'" + item + "' is not a valid regular expression ("
                        + e.getDescription() + "; expected a POSIX extended regular expression, as"
                        + " use_regexp_matching=1 makes every item with *, ?, + or \\. one)");
            }
            return x -> false;
        }
    }

    private static Set<String> exclusions(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String item : Registry.split(list)) {
            if (item.startsWith("!")) {
                out.add(item);
            }
        }
        return out;
    }

    /** Nagios ignores an exclusion that matches nothing; it is probably a typo, so Vigil says so. */
    private void warnUnused(Definition d, String prefix, Set<String> unused) {
        for (String item : unused) {
            diags.warning(d.where(prefix + "service_description"), "exclusion '" + item + "' matches no service"
                    + " of the " + d.type.keyword() + "'s hosts and is ignored, as Nagios ignores it (expected '!'"
                    + " and the description of a service on one of them)");
        }
    }

    List<String> descriptionsOf(String host) {
        List<String> out = new ArrayList<>();
        for (ServiceKey k : servicesByHost().getOrDefault(host, List.of())) {
            out.add(k.description());
        }
        return out;
    }

    private Map<String, List<ServiceKey>> servicesByHost() {
        if (servicesByHost == null) {
            servicesByHost = new HashMap<>();
            for (ServiceKey k : services.keySet()) {
                servicesByHost.computeIfAbsent(k.hostName(), h -> new ArrayList<>()).add(k);
            }
        }
        return servicesByHost;
    }
}
