package org.vigil.worker.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceGroup;
import org.vigil.config.model.ServiceKey;

/**
 * The groups mod_gearman's settings name, as member sets in the settings' order, and the group rules of its
 * {@code set_target_queue} (after the custom variable): local servicegroups, local hostgroups, servicegroups,
 * hostgroups, then the general queues. Used while a {@link QueueRouter} is built, then dropped.
 */
final class Groups {

    /** A group the settings name, with its members; a group the configuration lacks has none. */
    private record Listed<M>(String name, Set<M> members) {
    }

    private final List<Listed<ServiceKey>> localServicegroups = new ArrayList<>();
    private final List<Listed<String>> localHostgroups = new ArrayList<>();
    private final List<Listed<ServiceKey>> servicegroups = new ArrayList<>();
    private final List<Listed<String>> hostgroups = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final boolean hosts;
    private final boolean services;

    Groups(ObjectModel model, DispatchSettings settings) {
        this.hosts = settings.hosts();
        this.services = settings.services();
        // mod_gearman checks the names in this order at start-up (handle_process_events)
        serviceGroups(model, settings.localServicegroups(), localServicegroups);
        hostGroups(model, settings.localHostgroups(), localHostgroups);
        serviceGroups(model, settings.servicegroups(), servicegroups);
        hostGroups(model, settings.hostgroups(), hostgroups);
    }

    private void serviceGroups(ObjectModel model, List<String> names, List<Listed<ServiceKey>> into) {
        for (String name : names) {
            ServiceGroup g = model.serviceGroups().get(name);
            if (g == null) {
                warnings.add("Warning: servicegroup '" + name + "' does not exist, possible typo?");
            }
            into.add(new Listed<>(name, g == null ? Set.of() : new HashSet<>(g.members())));
        }
    }

    private void hostGroups(ObjectModel model, List<String> names, List<Listed<String>> into) {
        for (String name : names) {
            HostGroup g = model.hostGroups().get(name);
            if (g == null) {
                warnings.add("Warning: hostgroup '" + name + "' does not exist, possible typo?");
            }
            into.add(new Listed<>(name, g == null ? Set.of() : new HashSet<>(g.members())));
        }
    }

    List<String> warnings() {
        return warnings;
    }

    /** The queue by groups and general queues, "" for here; {@code service} null for the host's own check. */
    String target(String host, ServiceKey service) {
        if (service != null && first(localServicegroups, service) != null) {
            return "";
        }
        if (first(localHostgroups, host) != null) {
            return "";
        }
        String group = service == null ? null : first(servicegroups, service);
        if (group != null) {
            return "servicegroup_" + group;
        }
        group = first(hostgroups, host);
        if (group != null) {
            return "hostgroup_" + group;
        }
        if (service != null) {
            return services ? QueueRouter.SERVICE : "";
        }
        return hosts ? QueueRouter.HOST : "";
    }

    private static <M> String first(List<Listed<M>> groups, M member) {
        for (Listed<M> g : groups) {
            if (g.members().contains(member)) {
                return g.name();
            }
        }
        return null;
    }
}
