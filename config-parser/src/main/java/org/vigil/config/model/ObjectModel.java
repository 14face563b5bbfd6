package org.vigil.config.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The resolved configuration, immutable: what the engine loads in one step. Maps are sorted by name,
 * which is also the order Nagios writes its objects cache in.
 */
public record ObjectModel(SortedMap<String, Timeperiod> timeperiods, SortedMap<String, Command> commands,
                          SortedMap<String, Contact> contacts, SortedMap<String, ContactGroup> contactGroups,
                          SortedMap<String, Host> hosts, SortedMap<String, HostGroup> hostGroups,
                          SortedMap<ServiceKey, Service> services, SortedMap<String, ServiceGroup> serviceGroups,
                          List<Dependency> hostDependencies, List<Dependency> serviceDependencies,
                          List<Escalation> hostEscalations, List<Escalation> serviceEscalations) {

    public ObjectModel {
        timeperiods = java.util.Collections.unmodifiableSortedMap(timeperiods);
        commands = java.util.Collections.unmodifiableSortedMap(commands);
        contacts = java.util.Collections.unmodifiableSortedMap(contacts);
        contactGroups = java.util.Collections.unmodifiableSortedMap(contactGroups);
        hosts = java.util.Collections.unmodifiableSortedMap(hosts);
        hostGroups = java.util.Collections.unmodifiableSortedMap(hostGroups);
        services = java.util.Collections.unmodifiableSortedMap(services);
        serviceGroups = java.util.Collections.unmodifiableSortedMap(serviceGroups);
        hostDependencies = List.copyOf(hostDependencies);
        serviceDependencies = List.copyOf(serviceDependencies);
        hostEscalations = List.copyOf(hostEscalations);
        serviceEscalations = List.copyOf(serviceEscalations);
    }

    /** Object counts per type, in the order {@code vigil verify} prints them. */
    public Map<String, Integer> counts() {
        java.util.LinkedHashMap<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("services", services.size());
        m.put("hosts", hosts.size());
        m.put("host groups", hostGroups.size());
        m.put("service groups", serviceGroups.size());
        m.put("contacts", contacts.size());
        m.put("contact groups", contactGroups.size());
        m.put("commands", commands.size());
        m.put("time periods", timeperiods.size());
        m.put("host escalations", hostEscalations.size());
        m.put("service escalations", serviceEscalations.size());
        m.put("host dependencies", hostDependencies.size());
        m.put("service dependencies", serviceDependencies.size());
        return m;
    }
}
