package org.vigil.web.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.config.model.ObjectModel;
import org.vigil.model.GroupView;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.auth.Access;
import org.vigil.web.search.SearchResults.Group;
import org.vigil.web.search.SearchResults.Hit;
import org.vigil.web.search.SearchResults.Kind;

/**
 * Every name the search looks at, lower case, at the positions of a snapshot's hosts and services (which stay put
 * while one configuration runs): made once per configuration ({@link Search}), then a search is a scan of plain
 * strings (100,000 services in a few milliseconds) with the best matches kept as it goes.
 */
final class SearchIndex {

    private final ObjectModel model;
    private final String[] hostName;
    private final String[] hostDisplay;
    private final String[] hostAlias;
    private final String[] hostAddress;
    private final String[] serviceName;
    private final String[] serviceDisplay;
    private final String[] serviceHost;
    private final String[] hostGroupName;
    private final String[] hostGroupAlias;
    private final String[] serviceGroupName;
    private final String[] serviceGroupAlias;

    private SearchIndex(StatusSnapshot s) {
        this.model = s.model();
        List<HostView> hosts = s.hosts();
        hostName = new String[hosts.size()];
        hostDisplay = new String[hosts.size()];
        hostAlias = new String[hosts.size()];
        hostAddress = new String[hosts.size()];
        for (int i = 0; i < hosts.size(); i++) {
            HostView h = hosts.get(i);
            hostName[i] = lower(h.name());
            hostDisplay[i] = other(h.displayName(), h.name());
            hostAlias[i] = other(h.alias(), h.name());
            hostAddress[i] = other(h.address(), h.name());
        }
        List<ServiceView> services = s.services();
        serviceName = new String[services.size()];
        serviceDisplay = new String[services.size()];
        serviceHost = new String[services.size()];
        for (int i = 0; i < services.size(); i++) {
            ServiceView v = services.get(i);
            serviceName[i] = lower(v.description());
            serviceDisplay[i] = other(v.displayName(), v.description());
            serviceHost[i] = hostName[s.hostPositionOfService(i)];
        }
        hostGroupName = names(s.hostGroups(), false);
        hostGroupAlias = names(s.hostGroups(), true);
        serviceGroupName = names(s.serviceGroups(), false);
        serviceGroupAlias = names(s.serviceGroups(), true);
    }

    /** The index of {@code s}'s configuration. */
    static SearchIndex of(StatusSnapshot s) {
        return new SearchIndex(s);
    }

    /** The configuration this index is of. */
    ObjectModel model() {
        return model;
    }

    /** The objects of {@code s} that {@code a} sees and {@code t} matches, at most {@code limit} of each kind. */
    SearchResults find(StatusSnapshot s, Access a, SearchTerms t, int limit) {
        Visible v = new Visible(s, a);
        Best hosts = new Best(limit);
        if (v.hosts == null) {
            for (int i = 0; i < hostName.length; i++) {
                hosts.offer(i, t.score(hostName[i], hostDisplay[i], hostAlias[i], hostAddress[i]), hostName[i]);
            }
        } else {
            for (int i : v.hosts) {
                hosts.offer(i, t.score(hostName[i], hostDisplay[i], hostAlias[i], hostAddress[i]), hostName[i]);
            }
        }
        Best services = new Best(limit);
        if (v.services == null) {
            for (int i = 0; i < serviceName.length; i++) {
                services.offer(i, t.score(serviceName[i], serviceDisplay[i], serviceHost[i]), serviceName[i]);
            }
        } else {
            for (int i : v.services) {
                services.offer(i, t.score(serviceName[i], serviceDisplay[i], serviceHost[i]), serviceName[i]);
            }
        }
        Best hostGroups = new Best(limit);
        for (int i = 0; i < hostGroupName.length; i++) {
            int score = t.score(hostGroupName[i], hostGroupAlias[i]);
            if (score != SearchTerms.NONE && v.hostGroup(s.hostGroups().get(i).name())) {
                hostGroups.offer(i, score, hostGroupName[i]);
            }
        }
        Best serviceGroups = new Best(limit);
        for (int i = 0; i < serviceGroupName.length; i++) {
            int score = t.score(serviceGroupName[i], serviceGroupAlias[i]);
            if (score != SearchTerms.NONE && v.serviceGroup(s.serviceGroups().get(i).name())) {
                serviceGroups.offer(i, score, serviceGroupName[i]);
            }
        }
        return new SearchResults(t.text(), List.of(
                group(Kind.HOST, hosts, i -> hostHit(s.hosts().get(i))),
                group(Kind.SERVICE, services, i -> serviceHit(s.services().get(i))),
                group(Kind.HOSTGROUP, hostGroups, i -> groupHit(Kind.HOSTGROUP, s.hostGroups().get(i))),
                group(Kind.SERVICEGROUP, serviceGroups, i -> groupHit(Kind.SERVICEGROUP, s.serviceGroups().get(i)))));
    }

    private static Group group(Kind kind, Best best, java.util.function.IntFunction<Hit> hit) {
        List<Hit> hits = new ArrayList<>();
        for (int i : best.positions()) {
            hits.add(hit.apply(i));
        }
        return new Group(kind, best.total(), hits);
    }

    private static Hit hostHit(HostView h) {
        String alias = !h.alias().isEmpty() && !h.alias().equals(h.name()) ? h.alias()
                : !h.displayName().equals(h.name()) ? h.displayName() : null;
        return new Hit(Kind.HOST, h.name(), null, blankToNull(alias), h.status().state());
    }

    private static Hit serviceHit(ServiceView v) {
        String alias = v.displayName().equals(v.description()) ? null : v.displayName();
        return new Hit(Kind.SERVICE, v.description(), v.host(), blankToNull(alias), v.status().state());
    }

    private static Hit groupHit(Kind kind, GroupView g) {
        return new Hit(kind, g.name(), null, g.alias().equals(g.name()) ? null : blankToNull(g.alias()), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String[] names(List<GroupView> groups, boolean alias) {
        String[] out = new String[groups.size()];
        for (int i = 0; i < out.length; i++) {
            GroupView g = groups.get(i);
            out[i] = alias ? other(g.alias(), g.name()) : lower(g.name());
        }
        return out;
    }

    /** {@code name} lower case, or "" when it only repeats {@code primary} (so it is not matched twice). */
    private static String other(String name, String primary) {
        return name == null || name.equals(primary) ? "" : lower(name);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * What one user sees: null arrays for everything ({@code all_objects}), else the positions of its contact's
     * hosts and services (none without a contact), as {@link Access} decides; a group shows when a member does.
     */
    private static final class Visible {
        final int[] hosts;
        final int[] services;
        private final StatusSnapshot s;
        private boolean[] hostSeen;
        private boolean[] serviceSeen;

        Visible(StatusSnapshot s, Access a) {
            this.s = s;
            String contact = a.user().contact();
            if (a.user().allObjects()) {
                hosts = null;
                services = null;
            } else {
                hosts = contact == null ? new int[0] : s.hostPositionsOfContact(contact);
                services = contact == null ? new int[0] : s.servicePositionsOfContact(contact);
            }
        }

        boolean hostGroup(String name) {
            if (hosts == null) {
                return true;
            }
            if (hostSeen == null) {
                hostSeen = mark(hosts, s.hosts().size());
            }
            for (int i : s.hostPositionsOfHostGroup(name)) {
                if (hostSeen[i]) {
                    return true;
                }
            }
            return false;
        }

        boolean serviceGroup(String name) {
            if (services == null) {
                return true;
            }
            if (serviceSeen == null) {
                serviceSeen = mark(services, s.services().size());
            }
            for (int i : s.servicePositionsOfServiceGroup(name)) {
                if (serviceSeen[i]) {
                    return true;
                }
            }
            return false;
        }

        private static boolean[] mark(int[] positions, int size) {
            boolean[] seen = new boolean[size];
            for (int i : positions) {
                seen[i] = true;
            }
            return seen;
        }
    }

    /**
     * The best {@code limit} positions offered (lowest score, then the shortest name, then the first position:
     * names in the snapshot's order), and how many matched in all.
     */
    private static final class Best {
        private final int[] position;
        private final int[] score;
        private final int[] length;
        private int kept;
        private int total;

        Best(int limit) {
            position = new int[limit];
            score = new int[limit];
            length = new int[limit];
        }

        void offer(int at, int s, String name) {
            if (s == SearchTerms.NONE) {
                return;
            }
            total++;
            int len = name.length();
            int i = kept;
            if (kept == position.length) {
                if (!better(s, len, at, kept - 1)) {
                    return;
                }
                i = kept - 1;
            } else {
                kept++;
            }
            while (i > 0 && better(s, len, at, i - 1)) {
                position[i] = position[i - 1];
                score[i] = score[i - 1];
                length[i] = length[i - 1];
                i--;
            }
            position[i] = at;
            score[i] = s;
            length[i] = len;
        }

        private boolean better(int s, int len, int at, int i) {
            return s != score[i] ? s < score[i] : len != length[i] ? len < length[i] : at < position[i];
        }

        int[] positions() {
            return java.util.Arrays.copyOf(position, kept);
        }

        int total() {
            return total;
        }
    }
}
