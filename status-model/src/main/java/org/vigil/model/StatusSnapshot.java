package org.vigil.web.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the status pages and the API read, copied from the engine in one engine-thread step: hosts and
 * services (in name order), comments, downtimes, groups, contacts and the program status. Immutable, so one
 * snapshot can serve many requests at once.
 */
public final class StatusSnapshot {

    private final ProgramView program;
    private final List<HostView> hosts;
    private final List<ServiceView> services;
    private final List<CommentView> comments;
    private final List<DowntimeView> downtimes;
    private final List<GroupView> hostGroups;
    private final List<GroupView> serviceGroups;
    private final List<ContactView> contacts;
    private final Map<String, HostView> hostsByName;
    private final Map<String, List<ServiceView>> servicesByHost;

    StatusSnapshot(ProgramView program, List<HostView> hosts, List<ServiceView> services, List<CommentView> comments,
                   List<DowntimeView> downtimes, ConfigIndex config) {
        this.program = program;
        this.hosts = List.copyOf(hosts);
        this.services = List.copyOf(services);
        this.comments = List.copyOf(comments);
        this.downtimes = List.copyOf(downtimes);
        this.hostGroups = List.copyOf(config.hostGroups);
        this.serviceGroups = List.copyOf(config.serviceGroups);
        this.contacts = List.copyOf(config.contacts);
        Map<String, HostView> byName = new HashMap<>(hosts.size() * 4 / 3 + 1);
        hosts.forEach(h -> byName.put(h.name(), h));
        this.hostsByName = Collections.unmodifiableMap(byName);
        Map<String, List<ServiceView>> byHost = new LinkedHashMap<>();
        services.forEach(s -> byHost.computeIfAbsent(s.host(), k -> new ArrayList<>()).add(s));
        byHost.replaceAll((k, v) -> List.copyOf(v));
        this.servicesByHost = Collections.unmodifiableMap(byHost);
    }

    public ProgramView program() {
        return program;
    }

    /** All hosts, in name order. */
    public List<HostView> hosts() {
        return hosts;
    }

    /** All services, by host name then description. */
    public List<ServiceView> services() {
        return services;
    }

    public List<CommentView> comments() {
        return comments;
    }

    public List<DowntimeView> downtimes() {
        return downtimes;
    }

    public List<GroupView> hostGroups() {
        return hostGroups;
    }

    public List<GroupView> serviceGroups() {
        return serviceGroups;
    }

    public List<ContactView> contacts() {
        return contacts;
    }

    public Optional<HostView> host(String name) {
        return Optional.ofNullable(hostsByName.get(name));
    }

    /** The services of one host, by description. */
    public List<ServiceView> servicesOf(String host) {
        return servicesByHost.getOrDefault(host, List.of());
    }

    public Optional<ServiceView> service(String host, String description) {
        return servicesOf(host).stream().filter(s -> s.description().equals(description)).findFirst();
    }
}
