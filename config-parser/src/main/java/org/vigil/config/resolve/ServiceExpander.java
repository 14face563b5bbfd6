package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.model.ServiceKey;

/**
 * Stage 4b: turns each service definition into one service per host it names (through
 * {@code host_name} and {@code hostgroup_name}), with Nagios's precedence for duplicates: a service
 * defined for the host by name beats one that comes from a host group; otherwise the first one wins.
 */
public final class ServiceExpander {

    private final Registry registry;
    private final GroupExpander hostGroups;
    private final boolean allowEmptyHostgroups;

    public ServiceExpander(Registry registry, GroupExpander hostGroups, boolean allowEmptyHostgroups) {
        this.registry = registry;
        this.hostGroups = hostGroups;
        this.allowEmptyHostgroups = allowEmptyHostgroups;
    }

    /** Every service, by key, in definition order. */
    public Map<ServiceKey, Definition> expand() {
        Map<ServiceKey, Definition> direct = new LinkedHashMap<>();
        Map<ServiceKey, Definition> fromGroups = new LinkedHashMap<>();
        for (Definition s : registry.all(ObjectType.SERVICE)) {
            String description = s.get("service_description");
            if (description == null || description.isBlank()) {
                registry.diags().error(s.location, "service has no service_description (expected"
                        + " 'service_description NAME', or 'register 0' if it is only a template)");
                continue;
            }
            boolean byGroup = s.get("hostgroup_name") != null;
            if (s.get("host_name") == null && !byGroup) {
                registry.diags().error(s.location, "service '" + description + "' names no host (expected"
                        + " 'host_name' or 'hostgroup_name')");
                continue;
            }
            Set<String> hosts = hostsOf(s, byGroup);
            if (hosts.isEmpty()) {
                if (!(byGroup && allowEmptyHostgroups)) {
                    registry.diags().error(s.location, "service '" + description + "' expands to no host (expected"
                            + " host_name/hostgroup_name to name at least one host, or"
                            + " allow_empty_hostgroup_assignment=1)");
                }
                continue;
            }
            // a service is "from a host group" for precedence if it names any host group
            Map<ServiceKey, Definition> target = byGroup ? fromGroups : direct;
            boolean single = hosts.size() == 1;
            for (String host : hosts) {
                ServiceKey key = new ServiceKey(host, description);
                // a definition for one host is used as it is; only multi-host ones need a copy per host
                Definition copy = single ? s : s.copy();
                if (byGroup || !host.equals(s.get("host_name"))) {
                    copy.set("host_name", host, s.where("host_name"));
                }
                Definition previous = target.putIfAbsent(key, copy);
                if (previous != null) {
                    duplicate(key, s, previous);
                }
            }
        }
        Map<ServiceKey, Definition> all = new LinkedHashMap<>(direct);
        for (Map.Entry<ServiceKey, Definition> e : fromGroups.entrySet()) {
            Definition previous = all.putIfAbsent(e.getKey(), e.getValue());
            if (previous != null) {
                duplicate(e.getKey(), e.getValue(), previous);
            }
        }
        return all;
    }

    /** The hosts a service names; one plain host name (the usual case) is looked up directly. */
    private Set<String> hostsOf(Definition s, boolean byGroup) {
        String hostName = s.get("host_name");
        if (!byGroup && hostName.indexOf(',') < 0 && hostName.indexOf('*') < 0 && hostName.indexOf('!') < 0) {
            String name = hostName.strip();
            if (registry.find(ObjectType.HOST, name) != null) {
                return Set.of(name);
            }
        }
        return registry.hostsOf(hostName, s.where("host_name"), s.get("hostgroup_name"), s.where("hostgroup_name"),
                hostGroups);
    }

    private void duplicate(ServiceKey key, Definition dup, Definition kept) {
        registry.diags().warning(dup.where("service_description"), "duplicate definition of service '"
                + key.description() + "' on host '" + key.hostName() + "' (first defined at " + kept.location
                + "; that one is used)");
    }

    /**
     * Copies the attributes Nagios's implied inheritance gives a service from its host. Contacts and
     * contact groups come together, and only when the service names neither.
     */
    public static void inheritFromHost(Definition service, Definition host) {
        boolean noContacts = !service.has("contacts") && !service.has("contact_groups");
        for (String key : noContacts ? List.of("contact_groups", "contacts", "notification_interval",
                "notification_period") : List.of("notification_interval", "notification_period")) {
            if (!service.has(key) && host.get(key) != null) {
                service.set(key, host.attr(key));
            }
        }
    }

    /** Applies extinfo definitions: their values fill attributes the object has not set. */
    public static void applyExtInfo(Definition target, Definition extinfo) {
        for (String key : new ArrayList<>(extinfo.keys())) {
            if (key.equals("host_name") || key.equals("hostgroup_name") || key.equals("service_description")) {
                continue;
            }
            if (target.get(key) == null) {
                target.set(key, extinfo.attr(key));
            }
        }
    }
}
