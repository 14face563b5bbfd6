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
 * Every name the search looks at, lower case, numbered in a {@link NameTable}, at the positions of a snapshot's
 * hosts and services (which stay put while one configuration runs): made once per configuration ({@link Search}).
 * A search finds each word once in the table's names, then scans the objects' name numbers (100,000 services in
 * well under a millisecond) with the best matches kept as it goes.
 */
final class SearchIndex {

    private final ObjectModel model;
    private final NameTable names;
    private final int[] hostName;
    private final int[] hostDisplay;
    private final int[] hostAlias;
    private final int[] hostAddress;
    private final int[] serviceName;
    private final int[] serviceDisplay;
    private final int[] serviceHost;
    private final Postings[] servicePostings;
    private final int[] hostGroupName;
    private final int[] hostGroupAlias;
    private final int[] serviceGroupName;
    private final int[] serviceGroupAlias;

    private SearchIndex(StatusSnapshot s) {
        this.model = s.model();
        NameTable.Builder b = new NameTable.Builder();
        List<HostView> hosts = s.hosts();
        hostName = new int[hosts.size()];
        hostDisplay = new int[hosts.size()];
        hostAlias = new int[hosts.size()];
        hostAddress = new int[hosts.size()];
        for (int i = 0; i < hosts.size(); i++) {
            HostView h = hosts.get(i);
            hostName[i] = b.id(lower(h.name()));
            hostDisplay[i] = b.id(other(h.displayName(), h.name()));
            hostAlias[i] = b.id(other(h.alias(), h.name()));
            hostAddress[i] = b.id(other(h.address(), h.name()));
        }
        List<ServiceView> services = s.services();
        serviceName = new int[services.size()];
        serviceDisplay = new int[services.size()];
        serviceHost = new int[services.size()];
        for (int i = 0; i < services.size(); i++) {
            ServiceView v = services.get(i);
            serviceName[i] = b.id(lower(v.description()));
            serviceDisplay[i] = b.id(other(v.displayName(), v.description()));
            serviceHost[i] = hostName[s.hostPositionOfService(i)];
        }
        hostGroupName = names(b, s.hostGroups(), false);
        hostGroupAlias = names(b, s.hostGroups(), true);
        serviceGroupName = names(b, s.serviceGroups(), false);
        serviceGroupAlias = names(b, s.serviceGroups(), true);
        names = b.table();
        servicePostings = new Postings[] {new Postings(serviceName, names.size()),
            new Postings(serviceDisplay, names.size()), new Postings(serviceHost, names.size())};
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
        int[][] r = t.ranks(names);
        boolean any = r.length > 0;
        for (int[] word : r) {
            any &= found(word);
        }
        Best hosts = new Best(limit);
        Best services = new Best(limit);
        Best hostGroups = new Best(limit);
        Best serviceGroups = new Best(limit);
        if (any) {
            if (v.hosts == null) {
                for (int i = 0; i < hostName.length; i++) {
                    offerHost(hosts, r, i);
                }
            } else {
                for (int i : v.hosts) {
                    offerHost(hosts, r, i);
                }
            }
            long[] candidates = serviceCandidates(r[0]);
            if (v.services == null) {
                for (int w = 0; w < candidates.length; w++) {
                    for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                        offerService(services, r, w * 64 + Long.numberOfTrailingZeros(bits));
                    }
                }
            } else {
                for (int i : v.services) {
                    if ((candidates[i >>> 6] & 1L << i) != 0) {
                        offerService(services, r, i);
                    }
                }
            }
            for (int i = 0; i < hostGroupName.length; i++) {
                int score = SearchTerms.score(r, hostGroupName[i], hostGroupAlias[i], hostGroupAlias[i],
                        hostGroupAlias[i]);
                if (score != SearchTerms.NONE && v.hostGroup(s.hostGroups().get(i).name())) {
                    hostGroups.offer(i, score, names.length(hostGroupName[i]));
                }
            }
            for (int i = 0; i < serviceGroupName.length; i++) {
                int score = SearchTerms.score(r, serviceGroupName[i], serviceGroupAlias[i], serviceGroupAlias[i],
                        serviceGroupAlias[i]);
                if (score != SearchTerms.NONE && v.serviceGroup(s.serviceGroups().get(i).name())) {
                    serviceGroups.offer(i, score, names.length(serviceGroupName[i]));
                }
            }
        }
        return new SearchResults(t.text(), List.of(
                group(Kind.HOST, hosts, i -> hostHit(s.hosts().get(i))),
                group(Kind.SERVICE, services, i -> serviceHit(s.services().get(i))),
                group(Kind.HOSTGROUP, hostGroups, i -> groupHit(Kind.HOSTGROUP, s.hostGroups().get(i))),
                group(Kind.SERVICEGROUP, serviceGroups, i -> groupHit(Kind.SERVICEGROUP, s.serviceGroups().get(i)))));
    }

    private void offerHost(Best hosts, int[][] r, int i) {
        hosts.offer(i, SearchTerms.score(r, hostName[i], hostDisplay[i], hostAlias[i], hostAddress[i]),
                names.length(hostName[i]));
    }

    private void offerService(Best services, int[][] r, int i) {
        services.offer(i, SearchTerms.score(r, serviceName[i], serviceDisplay[i], serviceHost[i], serviceHost[i]),
                names.length(serviceName[i]));
    }

    /** The services with a name the first word is in, as bits by position: the only ones that can match. */
    private long[] serviceCandidates(int[] firstWord) {
        long[] bits = new long[(serviceName.length + 63) / 64];
        for (Postings p : servicePostings) {
            p.mark(firstWord, bits);
        }
        return bits;
    }

    /** Whether a word's ranks found it in any name (else nothing matches the query). */
    private static boolean found(int[] ranks) {
        for (int x : ranks) {
            if (x != SearchTerms.NONE) {
                return true;
            }
        }
        return false;
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

    private static int[] names(NameTable.Builder b, List<GroupView> groups, boolean alias) {
        int[] out = new int[groups.size()];
        for (int i = 0; i < out.length; i++) {
            GroupView g = groups.get(i);
            out[i] = b.id(alias ? other(g.alias(), g.name()) : lower(g.name()));
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

        void offer(int at, int s, int len) {
            if (s == SearchTerms.NONE) {
                return;
            }
            total++;
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
