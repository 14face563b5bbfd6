package org.vigil.config.resolve;

import org.vigil.config.diag.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.Escalation;
import org.vigil.config.model.Options;
import org.vigil.config.model.ServiceKey;

/**
 * Stage 5b: escalations and dependencies, expanded from host, host group and service group lists into
 * one object per host or service, with the values Nagios's implied inheritance gives them.
 */
final class RelationBuilder {

    private final Registry registry;
    private final Diagnostics diags;
    private final References refs;
    private final GroupExpander hostGroups;
    private final ServiceGroupExpander serviceGroups;
    private final Map<String, Definition> hosts;
    private final Map<ServiceKey, Definition> services;
    /** Service descriptions per host, built on first use of {@code *}. */
    private Map<String, List<ServiceKey>> servicesByHost;

    RelationBuilder(Registry registry, References refs, GroupExpander hostGroups, ServiceGroupExpander serviceGroups,
                    Map<String, Definition> hosts, Map<ServiceKey, Definition> services) {
        this.registry = registry;
        this.diags = registry.diags();
        this.refs = refs;
        this.hostGroups = hostGroups;
        this.serviceGroups = serviceGroups;
        this.hosts = hosts;
        this.services = services;
    }

    List<Escalation> hostEscalations() {
        List<Escalation> out = new ArrayList<>();
        for (Definition d : registry.all(ObjectType.HOSTESCALATION)) {
            warnIfNeverApplies(d);
            for (String host : hostsOf(d, "")) {
                out.add(escalation(d, hosts.get(host), host, null, Values.HOST_ESCALATION));
            }
        }
        return out;
    }

    List<Escalation> serviceEscalations() {
        List<Escalation> out = new ArrayList<>();
        for (Definition d : registry.all(ObjectType.SERVICEESCALATION)) {
            warnIfNeverApplies(d);
            for (ServiceKey k : servicesOf(d, "", null)) {
                out.add(escalation(d, services.get(k), k.hostName(), k.description(), Values.SERVICE_ESCALATION));
            }
        }
        return out;
    }

    /**
     * An unset first or last notification is -2 in Nagios 4.4.6 (its precache shows it): as a first, every
     * notification is at or after it; as a last, every notification is past it ({@code last != 0 && last <
     * number}), so the escalation never applies except to broadcast notifications.
     */
    private void warnIfNeverApplies(Definition d) {
        if (!d.has("last_notification")) {
            diags.warning(d.location, d.type.keyword() + " has no last_notification, so it never applies, as in"
                    + " Nagios 4 (expected last_notification N, or 0 for no last)");
        }
    }

    private Escalation escalation(Definition d, Definition target, String host, String description, String letters) {
        Values v = new Values(d, diags);
        // implied inheritance: what the escalation does not say comes from its host or service
        boolean inheritContacts = !d.has("contacts") && !d.has("contact_groups");
        String contacts = inheritContacts ? target.get("contacts") : d.get("contacts");
        String groups = inheritContacts ? target.get("contact_groups") : d.get("contact_groups");
        // an interval set nowhere (escalation, its templates, or explicitly on the host/service) is 0
        double interval = d.has("notification_interval") ? v.number("notification_interval", 0)
                : new Values(target, diags).number("notification_interval", 0);
        String period = d.has("escalation_period") ? d.get("escalation_period") : target.get("notification_period");
        refs.timeperiod(d.get("escalation_period"), d.where("escalation_period"));
        List<String> contactList = Registry.split(contacts);
        List<String> groupList = Registry.split(groups);
        for (String c : Registry.split(d.get("contacts"))) {
            refs.contact(c, d.where("contacts"));
        }
        for (String g : Registry.split(d.get("contact_groups"))) {
            refs.contactGroup(g, d.where("contact_groups"));
        }
        return new Escalation(host, description, v.integer("first_notification", -2),
                v.integer("last_notification", -2), interval, period, v.options("escalation_options", letters,
                Values.all(letters)), contactList, groupList, d.location);
    }

    List<Dependency> hostDependencies() {
        List<Dependency> out = new ArrayList<>();
        for (Definition d : registry.all(ObjectType.HOSTDEPENDENCY)) {
            Set<String> masters = hostsOf(d, "");
            Set<String> dependents = hostsOf(d, "dependent_");
            for (String m : masters) {
                for (String dep : dependents) {
                    if (m.equals(dep)) {
                        continue;
                    }
                    addKinds(out, d, m, null, dep, null, Values.HOST_DEPENDENCY);
                }
            }
        }
        return out;
    }

    List<Dependency> serviceDependencies() {
        List<Dependency> out = new ArrayList<>();
        for (Definition d : registry.all(ObjectType.SERVICEDEPENDENCY)) {
            Set<ServiceKey> masters = servicesOf(d, "", null);
            boolean sameHost = d.get("dependent_host_name") == null && d.get("dependent_hostgroup_name") == null
                    && d.get("dependent_servicegroup_name") == null;
            if (sameHost) {
                for (ServiceKey m : masters) {
                    for (ServiceKey dep : servicesOf(d, "dependent_", m.hostName())) {
                        if (!dep.equals(m)) {
                            addKinds(out, d, m.hostName(), m.description(), dep.hostName(), dep.description(),
                                    Values.SERVICE_DEPENDENCY);
                        }
                    }
                }
                continue;
            }
            Set<ServiceKey> dependents = servicesOf(d, "dependent_", null);
            for (ServiceKey m : masters) {
                for (ServiceKey dep : dependents) {
                    if (!dep.equals(m)) {
                        addKinds(out, d, m.hostName(), m.description(), dep.hostName(), dep.description(),
                                Values.SERVICE_DEPENDENCY);
                    }
                }
            }
        }
        return out;
    }

    private void addKinds(List<Dependency> out, Definition d, String host, String svc, String depHost, String depSvc,
                          String letters) {
        Values v = new Values(d, diags);
        String period = refs.timeperiod(d.get("dependency_period"), d.where("dependency_period"));
        boolean inherits = v.bool("inherits_parent", false);
        int added = 0;
        for (Dependency.Kind kind : Dependency.Kind.values()) {
            String key = kind == Dependency.Kind.NOTIFICATION ? "notification_failure_criteria"
                    : "execution_failure_criteria";
            if (!d.has(key)) {
                continue;
            }
            Options options = v.options(key, letters, Options.NONE);
            // Nagios 4.4.6 drops a half of criteria 'n', except a host execution dependency, which it keeps
            if (options.isEmpty() && (svc != null || kind == Dependency.Kind.NOTIFICATION)) {
                continue;
            }
            out.add(new Dependency(kind, host, svc, depHost, depSvc, period, inherits, options, d.location));
            added++;
        }
        if (added == 0 && svc != null) {
            diags.warning(d.location, "service dependency of '" + depSvc + "' on host '" + depHost + "' on '" + svc
                    + "' on host '" + host + "' has no failure criteria and is ignored, as Nagios ignores it"
                    + " (expected execution_failure_criteria or notification_failure_criteria other than n)");
        }
    }

    private Set<String> hostsOf(Definition d, String prefix) {
        String hostKey = prefix + "host_name";
        String groupKey = prefix + "hostgroup_name";
        Set<String> out = registry.hostsOf(d.get(hostKey), d.where(hostKey), d.get(groupKey), d.where(groupKey),
                hostGroups);
        if (out.isEmpty() && prefix.isEmpty() && d.get("servicegroup_name") == null) {
            diags.error(d.location, d.type.keyword() + " names no " + (prefix.isEmpty() ? "" : "dependent ")
                    + "host (expected " + hostKey + " or " + groupKey + ")");
        }
        return out;
    }

    /**
     * The services a dependency or escalation names: hosts times descriptions ({@code *} for all of a
     * host's services), plus service group members. {@code sameHost} forces the host list.
     */
    private Set<ServiceKey> servicesOf(Definition d, String prefix, String sameHost) {
        Set<ServiceKey> out = new LinkedHashSet<>();
        String descKey = prefix + "service_description";
        List<String> descriptions = Registry.split(d.get(descKey));
        Set<String> hostNames = sameHost != null ? Set.of(sameHost)
                : registry.hostsOf(d.get(prefix + "host_name"), d.where(prefix + "host_name"),
                        d.get(prefix + "hostgroup_name"), d.where(prefix + "hostgroup_name"), hostGroups);
        for (String host : hostNames) {
            for (String desc : descriptions) {
                if (desc.equals("*")) {
                    out.addAll(servicesByHost().getOrDefault(host, List.of()));
                    continue;
                }
                ServiceKey k = new ServiceKey(host, desc);
                if (services.containsKey(k)) {
                    out.add(k);
                } else {
                    diags.error(d.where(descKey), "service '" + desc + "' on host '" + host + "' is not defined"
                            + " (expected an existing service" + Suggest.hint(desc, descriptionsOf(host)) + ")");
                }
            }
        }
        String groupKey = prefix + "servicegroup_name";
        Set<String> groups = new LinkedHashSet<>();
        registry.expandNames(ObjectType.SERVICEGROUP, d.get(groupKey), d.where(groupKey), groups, new LinkedHashSet<>());
        for (String g : groups) {
            out.addAll(serviceGroups.members(g));
        }
        if (out.isEmpty() && sameHost == null) {
            diags.error(d.location, d.type.keyword() + " names no " + (prefix.isEmpty() ? "" : "dependent ")
                    + "service (expected " + prefix + "host_name/" + prefix + "hostgroup_name with " + descKey
                    + ", or " + groupKey + ")");
        }
        return out;
    }

    private List<String> descriptionsOf(String host) {
        List<String> out = new ArrayList<>();
        for (ServiceKey k : servicesByHost().getOrDefault(host, List.of())) {
            out.add(k.description());
        }
        return out;
    }

    private Map<String, List<ServiceKey>> servicesByHost() {
        if (servicesByHost == null) {
            servicesByHost = new java.util.HashMap<>();
            for (ServiceKey k : services.keySet()) {
                servicesByHost.computeIfAbsent(k.hostName(), h -> new ArrayList<>()).add(k);
            }
        }
        return servicesByHost;
    }
}
