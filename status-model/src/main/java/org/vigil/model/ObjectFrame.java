package org.vigil.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceGroup;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * What never changes while one engine runs, worked out once when the read model first meets it: every host and
 * service at a fixed position (hosts by name, services by host then description, the order every list shows), each
 * object's contacts (contact groups expanded), and the positions per host, group and contact, so a reader of one
 * host, group or contact looks at its objects only. Groups and contacts as views.
 */
final class ObjectFrame {

    final ObjectModel model;
    /** The engine's statuses at their positions; read on the engine thread only. */
    final HostStatus[] hostStatus;
    final ServiceStatus[] serviceStatus;
    final Map<String, Integer> hostAt;
    /** The services of host {@code i} are positions {@code firstService[i]} to {@code firstService[i + 1] - 1}. */
    final int[] firstService;
    /** The host position of each service. */
    final int[] hostOf;
    final List<String>[] hostContacts;
    final List<String>[] serviceContacts;
    final List<GroupView> hostGroups = new ArrayList<>();
    final List<GroupView> serviceGroups = new ArrayList<>();
    final List<ContactView> contacts = new ArrayList<>();
    final Map<String, int[]> hostsOfHostGroup = new HashMap<>();
    /** The services on the hosts of a host group, as {@code /services?hostgroup=} lists them. */
    final Map<String, int[]> servicesOfHostGroup = new HashMap<>();
    final Map<String, int[]> servicesOfServiceGroup = new HashMap<>();
    /** The hosts a contact is a contact of. */
    final Map<String, int[]> hostsOfContact;
    /** The services a contact sees: those it is a contact of, and those on the hosts it is a contact of. */
    final Map<String, int[]> servicesOfContact;

    @SuppressWarnings("unchecked")
    ObjectFrame(ObjectModel model, List<HostStatus> hosts, List<ServiceStatus> services) {
        this.model = model;
        this.hostStatus = hosts.toArray(new HostStatus[0]);
        Arrays.sort(hostStatus, Comparator.comparing(HostStatus::name));
        this.serviceStatus = services.toArray(new ServiceStatus[0]);
        Arrays.sort(serviceStatus, Comparator.comparing(ServiceStatus::hostName)
                .thenComparing(ServiceStatus::description));
        this.hostAt = new HashMap<>(hostStatus.length * 4 / 3 + 1);
        for (int i = 0; i < hostStatus.length; i++) {
            hostAt.put(hostStatus[i].name(), i);
        }
        this.firstService = new int[hostStatus.length + 1];
        this.hostOf = new int[serviceStatus.length];
        placeServices();
        this.hostContacts = new List[hostStatus.length];
        this.serviceContacts = new List[serviceStatus.length];
        Map<String, Contacts> byContact = new HashMap<>();
        for (int i = 0; i < hostStatus.length; i++) {
            var h = model.hosts().get(hostStatus[i].name());
            hostContacts[i] = h == null ? List.of() : contactsOf(h.notification());
            for (String c : hostContacts[i]) {
                byContact.computeIfAbsent(c, k -> new Contacts()).hosts.add(i);
            }
        }
        for (int i = 0; i < serviceStatus.length; i++) {
            var s = model.services().get(serviceStatus[i].key());
            serviceContacts[i] = s == null ? List.of() : contactsOf(s.notification());
            for (String c : serviceContacts[i]) {
                byContact.computeIfAbsent(c, k -> new Contacts()).services.add(i);
            }
            int host = hostOf[i];
            for (String c : host < 0 ? List.<String>of() : hostContacts[host]) {
                byContact.computeIfAbsent(c, k -> new Contacts()).services.add(i);
            }
        }
        this.hostsOfContact = new HashMap<>();
        this.servicesOfContact = new HashMap<>();
        byContact.forEach((c, x) -> {
            hostsOfContact.put(c, x.hosts.sorted());
            servicesOfContact.put(c, x.services.sorted());
        });
        groups();
        contactViews();
    }

    /** Positions services by host; a service whose host is unknown (never, in a loaded model) gets host -1. */
    private void placeServices() {
        int h = 0;
        for (int i = 0; i < serviceStatus.length; i++) {
            Integer at = hostAt.get(serviceStatus[i].hostName());
            hostOf[i] = at == null ? -1 : at;
        }
        for (int host = 0; host < hostStatus.length; host++) {
            firstService[host] = h;
            while (h < serviceStatus.length && (hostOf[h] == host || hostOf[h] < 0)) {
                h++;
            }
        }
        firstService[hostStatus.length] = serviceStatus.length;
    }

    private void groups() {
        Map<String, Integer> serviceAt = new HashMap<>(serviceStatus.length * 4 / 3 + 1);
        for (int i = 0; i < serviceStatus.length; i++) {
            serviceAt.put(serviceStatus[i].hostName() + ';' + serviceStatus[i].description(), i);
        }
        for (HostGroup g : model.hostGroups().values()) {
            hostGroups.add(new GroupView(g.name(), g.alias(), g.members()));
            IntList hosts = new IntList();
            IntList services = new IntList();
            for (String m : g.members()) {
                Integer at = hostAt.get(m);
                if (at != null) {
                    hosts.add(at);
                    for (int s = firstService[at]; s < firstService[at + 1]; s++) {
                        services.add(s);
                    }
                }
            }
            hostsOfHostGroup.put(g.name(), hosts.sorted());
            servicesOfHostGroup.put(g.name(), services.sorted());
        }
        for (ServiceGroup g : model.serviceGroups().values()) {
            List<String> members = g.members().stream().map(ObjectFrame::member).toList();
            serviceGroups.add(new GroupView(g.name(), g.alias(), members));
            IntList services = new IntList();
            for (String m : members) {
                Integer at = serviceAt.get(m);
                if (at != null) {
                    services.add(at);
                }
            }
            servicesOfServiceGroup.put(g.name(), services.sorted());
        }
    }

    private static String member(ServiceKey k) {
        return k.hostName() + ";" + k.description();
    }

    private void contactViews() {
        Map<String, List<String>> groupsOf = new HashMap<>();
        for (ContactGroup g : model.contactGroups().values()) {
            g.members().forEach(m -> groupsOf.computeIfAbsent(m, k -> new ArrayList<>()).add(g.name()));
        }
        for (Contact c : model.contacts().values()) {
            contacts.add(new ContactView(c.name(), c.alias(), c.email(), c.pager(),
                    groupsOf.getOrDefault(c.name(), List.of()), c.canSubmitCommands()));
        }
    }

    private List<String> contactsOf(NotificationSettings n) {
        if (n.contactGroups().isEmpty()) {
            return n.contacts().size() < 2 ? List.copyOf(n.contacts()) : List.copyOf(new TreeSet<>(n.contacts()));
        }
        TreeSet<String> names = new TreeSet<>(n.contacts());
        for (String group : n.contactGroups()) {
            ContactGroup g = model.contactGroups().get(group);
            if (g != null) {
                names.addAll(g.members());
            }
        }
        return List.copyOf(names);
    }

    /** The hosts and services of one contact, as they are found. */
    private static final class Contacts {
        final IntList hosts = new IntList();
        final IntList services = new IntList();
    }
}
