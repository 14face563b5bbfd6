package org.vigil.web.model;

import java.util.ArrayList;
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

/**
 * What the pages need from the (immutable) configuration, worked out once per loaded model: each host's and
 * service's contacts (contact groups expanded), the groups and the contacts as views.
 */
final class ConfigIndex {

    final ObjectModel model;
    final Map<String, List<String>> hostContacts = new HashMap<>();
    final Map<ServiceKey, List<String>> serviceContacts = new HashMap<>();
    final List<GroupView> hostGroups = new ArrayList<>();
    final List<GroupView> serviceGroups = new ArrayList<>();
    final List<ContactView> contacts = new ArrayList<>();

    ConfigIndex(ObjectModel model) {
        this.model = model;
        model.hosts().values().forEach(h -> hostContacts.put(h.name(), contactsOf(h.notification())));
        model.services().values().forEach(s -> serviceContacts.put(s.key(), contactsOf(s.notification())));
        for (HostGroup g : model.hostGroups().values()) {
            hostGroups.add(new GroupView(g.name(), g.alias(), g.members()));
        }
        for (ServiceGroup g : model.serviceGroups().values()) {
            serviceGroups.add(new GroupView(g.name(), g.alias(),
                    g.members().stream().map(k -> k.hostName() + ";" + k.description()).toList()));
        }
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
        TreeSet<String> names = new TreeSet<>(n.contacts());
        for (String group : n.contactGroups()) {
            ContactGroup g = model.contactGroups().get(group);
            if (g != null) {
                names.addAll(g.members());
            }
        }
        return List.copyOf(names);
    }
}
