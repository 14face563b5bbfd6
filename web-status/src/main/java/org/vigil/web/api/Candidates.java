package org.vigil.web.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.auth.Access;

/**
 * The objects a filtered list walks: the smallest of the read model's indexes (state or problem, host, group, the
 * user's contact) that holds every object its filters can match, in list order. The list still applies every
 * filter to each of them, so an index only saves work and never decides what is shown.
 */
public final class Candidates {

    private Candidates() {
    }

    /**
     * The services to filter: {@code states} as {@link StatusSnapshot#servicesIn} takes them (null: any state),
     * {@code host} an existing host's exact name (null: any), the groups (null: any).
     */
    public static List<ServiceView> services(StatusSnapshot s, Access a, Collection<String> states, String host,
                                             String hostgroup, String servicegroup) {
        List<List<ServiceView>> options = new ArrayList<>();
        options.add(s.services());
        if (host != null) {
            options.add(s.servicesOf(host));
        }
        if (states != null) {
            options.add(s.servicesIn(states));
        }
        if (hostgroup != null) {
            options.add(s.servicesOfHostGroup(hostgroup));
        }
        if (servicegroup != null) {
            options.add(s.servicesOfServiceGroup(servicegroup));
        }
        if (!a.user().allObjects()) {
            options.add(a.user().contact() == null ? List.of() : s.servicesOfContact(a.user().contact()));
        }
        return smallest(options);
    }

    /** The hosts to filter, as {@link #services}. */
    public static List<HostView> hosts(StatusSnapshot s, Access a, Collection<String> states, String hostgroup) {
        List<List<HostView>> options = new ArrayList<>();
        options.add(s.hosts());
        if (states != null) {
            options.add(s.hostsIn(states));
        }
        if (hostgroup != null) {
            options.add(s.hostsOfHostGroup(hostgroup));
        }
        if (!a.user().allObjects()) {
            options.add(a.user().contact() == null ? List.of() : s.hostsOfContact(a.user().contact()));
        }
        return smallest(options);
    }

    private static <T> List<T> smallest(List<List<T>> options) {
        List<T> best = options.get(0);
        for (List<T> o : options) {
            if (o.size() < best.size()) {
                best = o;
            }
        }
        return best;
    }
}
