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
    private final ServiceSelection selection;

    RelationBuilder(Registry registry, References refs, GroupExpander hostGroups, ServiceGroupExpander serviceGroups,
                    Map<String, Definition> hosts, Map<ServiceKey, Definition> services) {
        this.registry = registry;
        this.diags = registry.diags();
        this.refs = refs;
        this.hostGroups = hostGroups;
        this.serviceGroups = serviceGroups;
        this.hosts = hosts;
        this.services = services;
        this.selection = new ServiceSelection(registry, hostGroups, serviceGroups, services);
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
            for (ServiceKey k : selection.of(d, "")) {
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
        double interval = d.has("notification_interval") ? v.interval("notification_interval", 0, true)
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
                        diags.error(d.where(d.has("dependent_host_name") ? "dependent_host_name"
                                : "dependent_hostgroup_name"), "host '" + m + "' depends on itself (expected a"
                                + " master host other than the dependent one)");
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
            boolean noMasterHosts = d.get("host_name") == null && d.get("hostgroup_name") == null
                    && d.get("servicegroup_name") == null;
            boolean noDependentHosts = d.get("dependent_host_name") == null
                    && d.get("dependent_hostgroup_name") == null && d.get("dependent_servicegroup_name") == null;
            if (noDependentHosts && noMasterHosts) {
                // Nagios: "Impossible service dependency definition"
                diags.error(d.location, "servicedependency names no host on either side (expected host_name,"
                        + " hostgroup_name or servicegroup_name, or their dependent_ forms)");
            } else if (noDependentHosts && d.get("dependent_service_description") == null) {
                diags.error(d.location, "servicedependency names no dependent service (expected"
                        + " dependent_service_description, dependent_servicegroup_name, or dependent hosts)");
            } else if (noDependentHosts) {
                // dependent services on each master's own host
                for (ServiceKey m : selection.of(d, "")) {
                    for (ServiceKey dep : selection.onHost(d, "dependent_", m.hostName())) {
                        addService(out, d, m, dep);
                    }
                }
            } else if (noMasterHosts) {
                // master services on each dependent's own host
                for (ServiceKey dep : selection.of(d, "dependent_")) {
                    Set<ServiceKey> masters = selection.onHost(d, "", dep.hostName());
                    warnIfNagiosChains(d, dep, masters);
                    for (ServiceKey m : masters) {
                        addService(out, d, m, dep);
                    }
                }
            } else {
                Set<ServiceKey> masters = selection.of(d, "");
                Set<ServiceKey> dependents = selection.of(d, "dependent_");
                for (ServiceKey m : masters) {
                    for (ServiceKey dep : dependents) {
                        addService(out, d, m, dep);
                    }
                }
            }
        }
        return out;
    }

    private void addService(List<Dependency> out, Definition d, ServiceKey master, ServiceKey dependent) {
        if (dependent.equals(master)) {
            diags.error(d.where("dependent_service_description"), "service '" + master.description() + "' on host '"
                    + master.hostName() + "' depends on itself (expected a master service other than the dependent"
                    + " one)");
            return;
        }
        addKinds(out, d, master.hostName(), master.description(), dependent.hostName(), dependent.description(),
                Values.SERVICE_DEPENDENCY);
    }

    /**
     * Without {@code host_name}, Nagios 4.4.6 looks the masters up on each dependent's host, but with several
     * masters it chains them (its loop swaps master and dependent in place): the first master gets the
     * dependent, each further one the master before it. Vigil makes every master a master of the dependent,
     * as the definition says, and warns (docs/compatibility.md).
     */
    private void warnIfNagiosChains(Definition d, ServiceKey dependent, Set<ServiceKey> masters) {
        if (masters.size() > 1) {
            diags.warning(d.where("service_description"), "servicedependency without host_name: '"
                    + dependent.description() + "' on host '" + dependent.hostName() + "' depends on each of "
                    + masters.size() + " services here, but Nagios 4.4.6 makes all but one of them depend on"
                    + " each other instead (expected one service_description per definition for the same result"
                    + " in both)");
        }
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
}
