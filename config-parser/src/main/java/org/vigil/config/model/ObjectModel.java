package org.vigil.config.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration, immutable: what the engine loads in one step. Maps iterate in name order,
 * which is also the order Nagios writes its objects cache in, and look up by hash.
 */
public record ObjectModel(Map<String, Timeperiod> timeperiods, Map<String, Command> commands,
                          Map<String, Contact> contacts, Map<String, ContactGroup> contactGroups,
                          Map<String, Host> hosts, Map<String, HostGroup> hostGroups,
                          Map<ServiceKey, Service> services, Map<String, ServiceGroup> serviceGroups,
                          List<Dependency> hostDependencies, List<Dependency> serviceDependencies,
                          List<Escalation> hostEscalations, List<Escalation> serviceEscalations) {

    public ObjectModel {
        timeperiods = sorted(timeperiods);
        commands = sorted(commands);
        contacts = sorted(contacts);
        contactGroups = sorted(contactGroups);
        hosts = sorted(hosts);
        hostGroups = sorted(hostGroups);
        services = services instanceof InServiceOrder<?> ? Collections.unmodifiableMap(services)
                : sortedServices(services);
        serviceGroups = sorted(serviceGroups);
        hostDependencies = List.copyOf(hostDependencies);
        serviceDependencies = List.copyOf(serviceDependencies);
        hostEscalations = List.copyOf(hostEscalations);
        serviceEscalations = List.copyOf(serviceEscalations);
    }

    /** An unmodifiable copy of {@code map} that iterates in key order. */
    public static <K extends Comparable<K>, V> Map<K, V> sorted(Map<K, V> map) {
        List<K> keys = new ArrayList<>(map.keySet());
        Collections.sort(keys);
        Map<K, V> out = new LinkedHashMap<>(keys.size() * 4 / 3 + 1);
        for (K k : keys) {
            out.put(k, map.get(k));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@link #sorted} for services, in the same order (host, then description), sorted in two steps: the host names,
     * then each host's descriptions. At 100,000 services that is 5,000 names and 20 short ones each instead of 100,000
     * keys compared in full, most of them first through two equal host names (a tenth of {@code vigil verify}).
     */
    static <V> Map<ServiceKey, V> sortedServices(Map<ServiceKey, V> map) {
        return Collections.unmodifiableMap(inServiceOrder(serviceOrder(map.keySet()), map));
    }

    /** {@code keys} in their natural order (host name, then description), sorted in the two steps of the model's. */
    public static List<ServiceKey> sortedKeys(Collection<ServiceKey> keys) {
        return serviceOrder(keys).keys;
    }

    /** Service keys in the model's order, worked out ahead of the model ({@link #serviceOrder}). */
    public static final class ServiceOrder {
        private final List<ServiceKey> keys;
        /** Where each of {@link #keys} was in the collection the order was made of. */
        private final int[] positions;

        private ServiceOrder(List<ServiceKey> keys, int[] positions) {
            this.keys = keys;
            this.positions = positions;
        }
    }

    /** A key and its place in the collection an order is made of. */
    private record Placed(ServiceKey key, int position) {
    }

    /**
     * The model's order of {@code keys}, which a loader can work out beside other work (the keys are known before
     * the services are built), for {@link #inServiceOrder}.
     */
    public static ServiceOrder serviceOrder(Collection<ServiceKey> keys) {
        Map<String, List<Placed>> byHost = new HashMap<>();
        int position = 0;
        for (ServiceKey k : keys) {
            byHost.computeIfAbsent(k.hostName(), h -> new ArrayList<>()).add(new Placed(k, position++));
        }
        String[] hosts = byHost.keySet().toArray(new String[0]);
        Arrays.sort(hosts);
        List<ServiceKey> out = new ArrayList<>(keys.size());
        int[] positions = new int[keys.size()];
        for (String host : hosts) {
            List<Placed> ofHost = byHost.get(host);
            ofHost.sort(BY_DESCRIPTION);
            for (int i = 0; i < ofHost.size(); i++) {
                positions[out.size()] = ofHost.get(i).position();
                out.add(ofHost.get(i).key());
            }
        }
        return new ServiceOrder(out, positions);
    }

    /**
     * {@code services} in {@code order}, a map the constructor takes as it is instead of sorting it again (not to be
     * changed after). Keys {@code order} lacks would be lost: then the services are sorted here.
     */
    public static <V> Map<ServiceKey, V> inServiceOrder(ServiceOrder order, Map<ServiceKey, V> services) {
        InServiceOrder<V> out = new InServiceOrder<>(services.size());
        List<ServiceKey> keys = order.keys;
        for (int i = 0; i < keys.size(); i++) {
            V v = services.get(keys.get(i));
            if (v != null) {
                out.put(keys.get(i), v);
            }
        }
        return out.size() == services.size() ? out : inServiceOrder(serviceOrder(services.keySet()), services);
    }

    /**
     * {@code values}, one for each key {@code order} was made of and in that collection's order, keyed and in the
     * model's order: no map by key in between (at 100,000 services that was a map built and read on the main thread).
     */
    public static <V> Map<ServiceKey, V> inServiceOrder(ServiceOrder order, List<V> values) {
        if (values.size() != order.positions.length) {
            throw new IllegalArgumentException(values.size() + " values for " + order.positions.length + " keys");
        }
        InServiceOrder<V> out = new InServiceOrder<>(values.size());
        for (int i = 0; i < order.positions.length; i++) {
            out.put(order.keys.get(i), values.get(order.positions[i]));
        }
        return out;
    }

    /** A services map already in the model's order. */
    private static final class InServiceOrder<V> extends LinkedHashMap<ServiceKey, V> {
        private static final long serialVersionUID = 1L;

        InServiceOrder(int size) {
            super(size * 4 / 3 + 1);
        }
    }

    private static final Comparator<Placed> BY_DESCRIPTION = Comparator.comparing(p -> p.key().description());

    /** Compiles every timeperiod for evaluation in {@code zone}; problems go to {@code diags}. */
    public org.vigil.config.timeperiod.TimeperiodSchedule compileTimeperiods(java.time.ZoneId zone,
            org.vigil.config.diag.Diagnostics diags) {
        Map<String, org.vigil.config.timeperiod.TimeperiodSchedule.Definition> defs = new LinkedHashMap<>();
        for (Timeperiod t : timeperiods.values()) {
            defs.put(t.name(), new org.vigil.config.timeperiod.TimeperiodSchedule.Definition(t.rules(),
                    t.exclusions(), t.location()));
        }
        return org.vigil.config.timeperiod.TimeperiodSchedule.compile(defs, zone, diags);
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
