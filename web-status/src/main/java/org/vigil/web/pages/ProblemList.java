package org.vigil.web.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.model.GroupView;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.api.ListQuery;
import org.vigil.web.auth.Access;

/**
 * The problems a query selects for one user, folded: the filters choose rows; a service on a DOWN or UNREACHABLE
 * host is listed under that host's row whenever the host's row is listed (with every such service of the host the
 * user sees), and on its own row otherwise (a filter that leaves the host out, a host the user does not see).
 */
final class ProblemList {

    /** The rows listed, in order, and how many rows the user's unfiltered list has (the "of M"). */
    record Selection(List<Problem> rows, int visible) {
    }

    private record Key(String sort, boolean descending) {
    }

    private ProblemList() {
    }

    /** The problems {@code q} selects of those {@code a} sees; an unknown group is a 404 naming it. */
    static Selection select(StatusSnapshot s, Access a, ListParams q) {
        Set<String> ofServicegroup = q.servicegroup == null ? null : hostsOf(Lists.serviceGroup(s, q.servicegroup));
        if (q.hostgroup != null) {
            Lists.hostGroup(s, q.hostgroup);
        }
        if (a.user().allObjects() && !q.filters()) {
            // the same for every such user: folded once per snapshot and order (no index needed)
            List<ProblemRow> all = ProblemOrder.sorted(s, q.sort, q.descending);
            return s.derived(new Key(q.sort, q.descending), x -> fold(all, all, all.size()));
        }
        ProblemIndex index = ProblemIndex.of(s, q.sort, q.descending);
        List<ProblemRow> all = index.rows();
        String needle = ProblemIndex.needle(q.text);
        List<ProblemRow> matched = new ArrayList<>();
        if (a.user().allObjects()) {
            for (int i = 0; i < all.size(); i++) {
                ProblemRow r = all.get(i);
                if (index.has(i, needle) && matches(r, q, ofServicegroup)) {
                    matched.add(r);
                }
            }
            return index.everything().select(matched, all.size());
        }
        List<ProblemRow> visible = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ProblemRow r = all.get(i);
            if (r.service() == null ? a.canSee(r.hostView()) : a.canSee(r.serviceView(), s)) {
                visible.add(r);
                if (index.has(i, needle) && matches(r, q, ofServicegroup)) {
                    matched.add(r);
                }
            }
        }
        return fold(visible, matched, visible.size());
    }

    /**
     * Works out, once per snapshot, the problems as {@code /problems} lists them by default to a user who sees
     * everything, and the index of its filters ({@code ReadModel.warmWith}: before the snapshot is served).
     */
    static void warm(StatusSnapshot s) {
        String sort = ProblemOrder.SORTS.iterator().next();
        List<ProblemRow> all = ProblemOrder.sorted(s, sort, false);
        s.derived(new Key(sort, false), x -> fold(all, all, all.size()));
        ProblemIndex.of(s, sort, false);
    }

    /** {@code matched} folded, with the services to fold taken from {@code visible}. */
    static Selection fold(List<ProblemRow> visible, List<ProblemRow> matched, int visibleRows) {
        return Folding.of(visible).select(matched, visibleRows);
    }

    /**
     * What folding needs of the rows a user sees: the services on each DOWN or UNREACHABLE host, and how many rows
     * fold away under the hosts listed.
     */
    static final class Folding {
        private final Map<String, List<ProblemRow>> affected;
        private final int foldedAway;

        private Folding(Map<String, List<ProblemRow>> affected, int foldedAway) {
            this.affected = affected;
            this.foldedAway = foldedAway;
        }

        /** The folding of the rows {@code visible}. */
        static Folding of(List<ProblemRow> visible) {
            Map<String, List<ProblemRow>> affected = new HashMap<>();
            Set<String> visibleHosts = new HashSet<>();
            for (ProblemRow r : visible) {
                if (r.onDownHost()) {
                    affected.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
                } else if (r.service() == null) {
                    visibleHosts.add(r.host());
                }
            }
            int foldedAway = 0;
            for (String h : visibleHosts) {
                foldedAway += affected.getOrDefault(h, List.of()).size();
            }
            Map<String, List<ProblemRow>> kept = new HashMap<>();
            affected.forEach((h, rows) -> kept.put(h, List.copyOf(rows)));
            return new Folding(kept, foldedAway);
        }

        /** {@code matched} folded, of {@code visibleRows} rows in all before folding. */
        Selection select(List<ProblemRow> matched, int visibleRows) {
            Set<String> listedHosts = new HashSet<>();
            for (ProblemRow r : matched) {
                if (r.service() == null) {
                    listedHosts.add(r.host());
                }
            }
            List<Problem> rows = new ArrayList<>();
            for (ProblemRow r : matched) {
                if (r.service() == null) {
                    rows.add(new Problem(r, affected.getOrDefault(r.host(), List.of())));
                } else if (!r.onDownHost() || !listedHosts.contains(r.host())) {
                    rows.add(new Problem(r, List.of()));
                }
            }
            return new Selection(List.copyOf(rows), visibleRows - foldedAway);
        }
    }

    /** Whether {@code r} passes every filter of {@code q} but {@code text} ({@link ProblemIndex#has}). */
    private static boolean matches(ProblemRow r, ListParams q, Set<String> ofServicegroup) {
        if (!q.matchesState(r.status()) || !q.matchesHandling(r.handling(), r.handled())
                || (q.host != null && !Lists.like(r.host(), q.host))) {
            return false;
        }
        if (r.service() == null) {
            return q.service == null
                    && (q.hostgroup == null || r.hostView().hostgroups().contains(q.hostgroup))
                    && (ofServicegroup == null || ofServicegroup.contains(r.host()));
        }
        return (q.service == null || ListQuery.contains(q.service, r.service(), r.serviceView().displayName()))
                && (q.hostgroup == null || r.serviceView().hostgroups().contains(q.hostgroup))
                && (q.servicegroup == null || r.serviceView().servicegroups().contains(q.servicegroup));
    }

    /** The hosts with a service in {@code servicegroup}. */
    static Set<String> hostsOf(GroupView servicegroup) {
        Set<String> hosts = new HashSet<>();
        for (String m : servicegroup.members()) {
            hosts.add(m.substring(0, m.indexOf(';')));
        }
        return hosts;
    }
}
