package org.vigil.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;

/**
 * The runtime objects of one engine: the status of every host and service of the config and the check target that
 * names it. Built once from the model; the statuses change, the set of objects does not. Engine thread only, like
 * the statuses (the target lookups are read by the clock thread too: the maps never change after construction).
 */
public final class Checkables {

    private final Map<String, HostStatus> hosts = new LinkedHashMap<>();
    private final Map<ServiceKey, ServiceStatus> services = new LinkedHashMap<>();
    private final Map<String, CheckTarget> targets = new HashMap<>();
    private final Map<String, CheckTarget> hostTargets = new HashMap<>();
    private final Map<ServiceKey, CheckTarget> serviceTargets = new HashMap<>();

    /** Every host and service of {@code model}, PENDING; hosts get the first ids ("h0"...), services the next. */
    public Checkables(ObjectModel model) {
        for (Host h : model.hosts().values()) {
            hosts.put(h.name(), new HostStatus(h));
        }
        for (Service s : model.services().values()) {
            services.put(s.key(), new ServiceStatus(s));
        }
        int n = 0;
        for (HostStatus h : hosts.values()) {
            CheckTarget t = new CheckTarget("h" + n++, h.name(), null);
            targets.put(t.id(), t);
            hostTargets.put(h.name(), t);
        }
        for (ServiceStatus s : services.values()) {
            CheckTarget t = new CheckTarget("s" + n++, s.hostName(), s.key());
            targets.put(t.id(), t);
            serviceTargets.put(s.key(), t);
        }
    }

    /** The target a check clock id names, or null. */
    public CheckTarget byId(String checkId) {
        return targets.get(checkId);
    }

    /** The check target of host {@code hostName}, if the config defines it. */
    public Optional<CheckTarget> hostTarget(String hostName) {
        return Optional.ofNullable(hostTargets.get(hostName));
    }

    /** The check target of the service {@code key}, if the config defines it. */
    public Optional<CheckTarget> serviceTarget(ServiceKey key) {
        return Optional.ofNullable(serviceTargets.get(key));
    }

    /** The runtime status of {@code target}. */
    public CheckableStatus<?> status(CheckTarget target) {
        return target.isHost() ? hosts.get(target.hostName()) : services.get(target.service());
    }

    /** The status of host {@code name}, or null. */
    public HostStatus host(String name) {
        return hosts.get(name);
    }

    /** The status of service {@code key}, or null. */
    public ServiceStatus service(ServiceKey key) {
        return services.get(key);
    }

    /** The host statuses, in the config's order. */
    public Collection<HostStatus> hosts() {
        return Collections.unmodifiableCollection(hosts.values());
    }

    /** The service statuses, in the config's order. */
    public Collection<ServiceStatus> services() {
        return Collections.unmodifiableCollection(services.values());
    }

    /** Every target, in no particular order (as the engine's target map iterated). */
    public Collection<CheckTarget> targets() {
        return Collections.unmodifiableCollection(targets.values());
    }

    /** The host statuses by name, for the macro resolver and the host network. */
    public Map<String, HostStatus> hostMap() {
        return Collections.unmodifiableMap(hosts);
    }

    /** The service statuses by key, for the macro resolver. */
    public Map<ServiceKey, ServiceStatus> serviceMap() {
        return Collections.unmodifiableMap(services);
    }

    /** A copy of every target, for tests and tools. */
    public List<CheckTarget> targetList() {
        return new ArrayList<>(targets.values());
    }
}
