package org.vigil.web.pages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/**
 * The filtered page of all host or service groups for a user who sees every object. The groups, their order and
 * their counts are those of the unfiltered page, made once per snapshot (a filter chooses members, the counts stay
 * the whole group's); the members that pass are found by walking only the objects in the states the filter allows
 * (the snapshot's state index: at 100,000 services, 10,000 CRITICAL ones rather than all), each adding itself to
 * the groups it names; a filter only problems pass walks {@link ServiceProblems}' rows. So a filtered page costs
 * one pass over its candidates, not over every object with the counts made again (what made it 865 ms at 100,000
 * services).
 */
final class FilteredGroups {

    private FilteredGroups() {
    }

    /**
     * The panels of host groups {@code all} (the unfiltered page of {@code s}) with the hosts that pass
     * {@code filter}, the first {@code shown} listed; a group with none is left out.
     */
    static List<GroupPanel> hostGroups(StatusSnapshot s, List<GroupPanel> all, int shown, GroupFilter filter) {
        Map<String, Found> found = found(all, shown);
        Collection<String> states = filter.query.indexStates();
        for (HostView h : states == null ? s.hosts() : s.hostsIn(states)) {
            if (!h.hostgroups().isEmpty() && filter.passes(h)) {
                for (String g : h.hostgroups()) {
                    Found f = found.get(g);
                    if (f != null) {
                        f.add(h.name(), null, h.status().state());
                    }
                }
            }
        }
        return panels(all, found, filter);
    }

    /** The panels of service groups {@code all} with the services that pass {@code filter}, as {@link #hostGroups}. */
    static List<GroupPanel> serviceGroups(StatusSnapshot s, List<GroupPanel> all, int shown, GroupFilter filter) {
        Map<String, Found> found = found(all, shown);
        if (ServiceProblems.cover(filter.query)) {
            ServiceProblems rows = ServiceProblems.of(s);
            String needle = ProblemIndex.needle(filter.query.text);
            for (int i = 0; i < rows.size(); i++) {
                ServiceView v = rows.view(i);
                if (!v.servicegroups().isEmpty() && rows.has(i, needle) && filter.passes(v, rows.handling(i))) {
                    for (String g : v.servicegroups()) {
                        Found f = found.get(g);
                        if (f != null) {
                            f.add(v.host(), v.description(), v.status().state());
                        }
                    }
                }
            }
            return panels(all, found, filter);
        }
        Collection<String> states = filter.query.indexStates();
        for (ServiceView v : states == null ? s.services() : s.servicesIn(states)) {
            if (!v.servicegroups().isEmpty() && filter.passes(v, s)) {
                for (String g : v.servicegroups()) {
                    Found f = found.get(g);
                    if (f != null) {
                        f.add(v.host(), v.description(), v.status().state());
                    }
                }
            }
        }
        return panels(all, found, filter);
    }

    private static Map<String, Found> found(List<GroupPanel> all, int shown) {
        Map<String, Found> found = new HashMap<>();
        all.forEach(p -> found.put(p.name(), new Found(shown)));
        return found;
    }

    private static List<GroupPanel> panels(List<GroupPanel> all, Map<String, Found> found, GroupFilter filter) {
        String listQuery = filter.listQuery();
        List<GroupPanel> out = new ArrayList<>();
        for (GroupPanel p : all) {
            Found f = found.get(p.name());
            if (f.count > 0) {
                out.add(new GroupPanel(p.name(), p.alias(), p.hosts(), p.services(), f.members, f.count,
                        p.membersUrl() + listQuery));
            }
        }
        return out;
    }

    /** One group's members that pass: how many, and the first {@code shown}. */
    private static final class Found {
        final List<GroupPanel.Member> members = new ArrayList<>();
        final int shown;
        int count;

        Found(int shown) {
            this.shown = shown;
        }

        void add(String host, String service, String state) {
            count++;
            if (members.size() < shown) {
                members.add(new GroupPanel.Member(host, service, state));
            }
        }
    }
}
