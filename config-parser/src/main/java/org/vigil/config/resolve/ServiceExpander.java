package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.vigil.config.model.ServiceKey;

/**
 * Stage 4b: turns each service definition into one service per host it names (through
 * {@code host_name} and {@code hostgroup_name}), and picks among duplicates the one Nagios 4.4.6 keeps.
 *
 * <p>The rule, from {@code xodtemplate_duplicate_services} and checked against nagios4 (corpus cases
 * {@code service-precedence-*}): Nagios walks a definition's hosts (its {@code host_name} hosts, then
 * each host group's members, in {@link ExpansionOrder}), makes a copy for each, and reuses the
 * definition itself for the last host of the walk when that host is not skipped. Copies from a host
 * group are marked. It then keeps, per host and description, the first of: the unmarked copies
 * (earliest definition first, each definition's walked backwards), then the definitions themselves
 * (latest first), then the marked copies (in the order of the unmarked ones).
 */
public final class ServiceExpander {

    /** One service a definition makes: on one host, as the definition itself or a copy. */
    private static final class Entry {
        final Definition source;
        final ServiceKey key;
        final boolean itself;
        final boolean fromGroup;
        /** The host name is the definition's {@code host_name} as written (known for one-host services). */
        boolean hostAsWritten;
        boolean kept;
        /** For a kept entry: the service's definition (the source itself, or a copy for this host). */
        Definition made;

        Entry(Definition source, ServiceKey key, boolean itself, boolean fromGroup) {
            this.source = source;
            this.key = key;
            this.itself = itself;
            this.fromGroup = fromGroup;
        }
    }

    private final Registry registry;
    private final GroupExpander hostGroups;
    private final ExpansionOrder order;
    private final boolean allowEmptyHostgroups;
    /** The dropped duplicates, in the order Nagios registers them. */
    private final List<Duplicate> duplicates = new ArrayList<>();

    public ServiceExpander(Registry registry, GroupExpander hostGroups, boolean allowEmptyHostgroups) {
        this.registry = registry;
        this.hostGroups = hostGroups;
        this.order = new ExpansionOrder(registry, hostGroups);
        this.allowEmptyHostgroups = allowEmptyHostgroups;
    }

    /** Every service, by key, in definition order, and the duplicates that were dropped. */
    public ExpandedServices expand() {
        List<List<Entry>> walks = new ArrayList<>();
        List<Definition> all = registry.all(ObjectType.SERVICE);
        // most services name one existing host: that needs no diagnostics and no walk, so it is found for all of
        // them in parallel; the others go through servicesOf, in order
        Entry[] single = new Entry[all.size()];
        ParallelChunks.run(all.size(), registry.diags(), (from, to, found) -> {
            for (int i = from; i < to; i++) {
                single[i] = onOneHost(all.get(i));
            }
        });
        for (int i = 0; i < single.length; i++) {
            List<Entry> walk = single[i] != null ? List.of(single[i]) : servicesOf(all.get(i));
            if (!walk.isEmpty()) {
                walks.add(walk);
            }
        }
        Function<Object, Definition> index = register(walks);
        int count = 0;
        for (int w = 0; w < walks.size(); w++) {
            count += walks.get(w).size();
        }
        ServiceKey[] keys = new ServiceKey[count];
        Definition[] definitions = new Definition[count];
        int kept = 0;
        for (int w = 0; w < walks.size(); w++) {
            List<Entry> walk = walks.get(w);
            for (int i = 0; i < walk.size(); i++) {
                Entry e = walk.get(i);
                if (e.kept) {
                    e.made = definitionFor(e, walk.size() == 1);
                    keys[kept] = e.key;
                    definitions[kept++] = e.made;
                }
            }
        }
        ExpandedServices services = new ExpandedServices(keys, definitions, kept, index);
        for (Duplicate d : duplicates) {
            services.addDropped(d.dropped().key, d.dropped().source);
            duplicate(d.dropped().key, d.dropped().source, d.kept().source);
        }
        return services;
    }

    /**
     * Registers the services in Nagios's order; of several for one key, the first is kept. The duplicates, in that
     * order, go to {@link #duplicates}; what is returned finds a key's kept entry's definition, once it is made.
     */
    private Function<Object, Definition> register(List<List<Entry>> walks) {
        // which entry comes first for a key depends only on the entries with that key: the keys are split by hash
        // between the cores, each part registered in the one order, and the duplicates (rare) reported afterwards
        // in that order, so the output is a serial run's
        int parts = walks.size() < 2 * ParallelChunks.SIZE ? 1
                : Math.min(4, Runtime.getRuntime().availableProcessors());
        @SuppressWarnings("unchecked")
        List<Duplicate>[] found = new List[parts];
        @SuppressWarnings("unchecked")
        Map<ServiceKey, Entry>[] firsts = new Map[parts];
        IntStream.range(0, parts).parallel().forEach(part -> {
            Map<ServiceKey, Entry> first = new HashMap<>(walks.size() * 2 / parts + 16);
            List<Duplicate> duplicates = new ArrayList<>();
            inRegistrationOrder(walks, (rank, e) -> {
                if (Math.floorMod(e.key.hashCode(), parts) != part) {
                    return;
                }
                Entry previous = first.putIfAbsent(e.key, e);
                if (previous == null) {
                    e.kept = true;
                } else {
                    duplicates.add(new Duplicate(rank, e, previous));
                }
            });
            found[part] = duplicates;
            firsts[part] = first;
        });
        for (List<Duplicate> f : found) {
            duplicates.addAll(f);
        }
        duplicates.sort(java.util.Comparator.comparingInt(Duplicate::rank));
        return key -> {
            Entry e = firsts[Math.floorMod(key.hashCode(), parts)].get(key);
            return e == null ? null : e.made;
        };
    }

    /** A duplicate met at {@code rank} in the order of registration, and the entry kept for its key. */
    private record Duplicate(int rank, Entry dropped, Entry kept) {
    }

    /** What sees each entry, with its place in the order of registration. */
    @FunctionalInterface
    private interface Registration {
        void accept(int rank, Entry e);
    }

    /**
     * The entries in the order Nagios registers them: it prepends each copy to its service list while it walks the
     * list from the head (the latest definition), then registers unmarked services in list order before marked ones.
     */
    private static void inRegistrationOrder(List<List<Entry>> walks, Registration to) {
        int rank = 0;
        for (int w = 0; w < walks.size(); w++) {
            List<Entry> walk = walks.get(w);
            for (int i = walk.size() - 1; i >= 0; i--) {
                Entry e = walk.get(i);
                if (!e.itself && !e.fromGroup) {
                    to.accept(rank++, e);
                }
            }
        }
        for (int w = walks.size() - 1; w >= 0; w--) {
            List<Entry> walk = walks.get(w);
            for (int i = 0; i < walk.size(); i++) {
                Entry e = walk.get(i);
                if (e.itself) {
                    to.accept(rank++, e);
                }
            }
        }
        for (int w = 0; w < walks.size(); w++) {
            List<Entry> walk = walks.get(w);
            for (int i = walk.size() - 1; i >= 0; i--) {
                Entry e = walk.get(i);
                if (e.fromGroup) {
                    to.accept(rank++, e);
                }
            }
        }
    }

    /** The one service {@code s} makes when it names one existing host and no group (and a description); else null. */
    private Entry onOneHost(Definition s) {
        String description = s.get("service_description");
        String hostList = s.get("host_name");
        if (description == null || description.isBlank() || hostList == null || s.get("hostgroup_name") != null
                || !isPlainName(hostList) || registry.matching().isPattern(hostList)
                || registry.find(ObjectType.HOST, hostList.strip()) == null) {
            return null;
        }
        String host = hostList.strip();
        Entry e = new Entry(s, new ServiceKey(host, description), true, false);
        e.hostAsWritten = host.equals(hostList);
        return e;
    }

    /** The services {@code s} makes, in the order Nagios walks its hosts; empty if it makes none. */
    private List<Entry> servicesOf(Definition s) {
        String description = s.get("service_description");
        if (description == null || description.isBlank()) {
            registry.diags().error(s.location, "service has no service_description (expected"
                    + " 'service_description NAME', or 'register 0' if it is only a template)");
            return List.of();
        }
        String hostList = s.get("host_name");
        String groupList = s.get("hostgroup_name");
        if (hostList == null && groupList == null) {
            registry.diags().error(s.location, "service '" + description + "' names no host (expected"
                    + " 'host_name' or 'hostgroup_name')");
            return List.of();
        }
        if (groupList == null && isPlainName(hostList) && !registry.matching().isPattern(hostList) && registry.find(ObjectType.HOST, hostList.strip()) != null) {
            return List.of(new Entry(s, new ServiceKey(hostList.strip(), description), true, false));
        }
        int errorsBefore = registry.diags().errorCount();
        Set<String> accepted = registry.hostsOf(hostList, s.where("host_name"), groupList, s.where("hostgroup_name"),
                hostGroups);
        List<Entry> walk = walk(s, description, accepted);
        if (walk.isEmpty() && registry.diags().errorCount() == errorsBefore && !(groupList != null
                && allowEmptyHostgroups)) {
            registry.diags().warning(s.location, "service '" + description + "' expands to no host, so it is"
                    + " not created (Nagios 4 accepts this; allow_empty_hostgroup_assignment=1 silences it for"
                    + " host groups)");
        }
        return walk;
    }

    private List<Entry> walk(Definition s, String description, Set<String> accepted) {
        List<List<String>> rounds = new ArrayList<>();
        rounds.add(order.hosts(s.get("host_name")));
        for (String group : order.groups(s.get("hostgroup_name"))) {
            rounds.add(order.members(group));
        }
        List<Entry> walk = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean lastTaken = false;
        for (int r = 0; r < rounds.size(); r++) {
            List<String> round = rounds.get(r);
            for (int i = 0; i < round.size(); i++) {
                String host = round.get(i);
                boolean take = accepted.contains(host) && seen.add(host);
                if (take) {
                    walk.add(new Entry(s, new ServiceKey(host, description), false, r > 0));
                }
                lastTaken = take && r == rounds.size() - 1 && i == round.size() - 1;
            }
        }
        if (lastTaken) {
            // Nagios reuses the definition itself for the very last host, and does not mark it
            Entry last = walk.remove(walk.size() - 1);
            walk.add(new Entry(s, last.key, true, false));
        }
        return walk;
    }

    private static boolean isPlainName(String hostList) {
        return hostList.indexOf(',') < 0 && hostList.indexOf('*') < 0 && hostList.indexOf('!') < 0;
    }

    /** A definition for one host is used as it is; a multi-host one needs a copy per host. */
    private static Definition definitionFor(Entry e, boolean single) {
        Definition s = e.source;
        Definition d = single ? s : s.copy();
        if (!e.hostAsWritten && !e.key.hostName().equals(s.get("host_name"))) {
            d.set("host_name", e.key.hostName(), s.where("host_name"));
        }
        return d;
    }

    private void duplicate(ServiceKey key, Definition dup, Definition kept) {
        registry.diags().warning(dup.where("service_description"), "duplicate definition of service '"
                + key.description() + "' on host '" + key.hostName() + "' is ignored (the definition at " + kept.location
                + " is used, as Nagios 4 chooses)");
    }

    private static final List<String> FROM_HOST_WITH_CONTACTS = List.of("contact_groups", "contacts",
            "notification_interval", "notification_period");
    private static final List<String> FROM_HOST = List.of("notification_interval", "notification_period");

    /**
     * Copies the attributes Nagios's implied inheritance gives a service from its host. Contacts and
     * contact groups come together, and only when the service names neither.
     */
    public static void inheritFromHost(Definition service, Definition host) {
        boolean noContacts = !service.has("contacts") && !service.has("contact_groups");
        List<String> keys = noContacts ? FROM_HOST_WITH_CONTACTS : FROM_HOST;
        for (int i = 0; i < keys.size(); i++) { // indexed, and the lists made once: this runs for every service
            String key = keys.get(i);
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
