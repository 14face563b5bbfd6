package org.vigil.checks.macro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;

/** Object lookups macros need that the model does not index directly: contact groups of a contact, services of a host. */
final class ObjectLookup {

    private final ObjectModel model;
    private final Map<String, List<String>> groupsOfContact = new HashMap<>();
    private final Map<String, Integer> servicesOfHost = new HashMap<>();

    ObjectLookup(ObjectModel model) {
        this.model = model;
        for (ContactGroup g : model.contactGroups().values()) {
            for (String member : g.members()) {
                groupsOfContact.computeIfAbsent(member, k -> new ArrayList<>()).add(g.name());
            }
        }
        for (ServiceKey k : model.services().keySet()) {
            servicesOfHost.merge(k.hostName(), 1, Integer::sum);
        }
    }

    /**
     * The order Nagios 4.4.6 keeps an object's groups in: it registers groups by name and prepends each to the
     * member's list, so the list runs in reverse name order and the "primary" group of $HOSTGROUPNAME$ is the
     * last by name (observed: groups web, alpha, zeta give zeta,web,alpha).
     */
    static List<String> nagiosOrder(List<String> groups) {
        List<String> out = new ArrayList<>(groups);
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    /** The first group in Nagios's order, or null. */
    static String primary(List<String> groups) {
        return groups.isEmpty() ? null : nagiosOrder(groups).get(0);
    }

    ObjectModel model() {
        return model;
    }

    Host host(String name) {
        return name == null ? null : model.hosts().get(name);
    }

    Service service(String host, String description) {
        return host == null || description == null ? null
                : model.services().get(new ServiceKey(host, description));
    }

    List<String> contactGroupsOf(String contact) {
        return groupsOfContact.getOrDefault(contact, List.of());
    }

    int serviceCount(String host) {
        return servicesOfHost.getOrDefault(host, 0);
    }
}
