package org.vigil.web.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.vigil.model.CheckView;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.api.ListQuery;

/**
 * The orders of {@code /problems}: unhandled problems always before handled ones, then by the {@code sort} asked
 * for, each in its natural direction ({@code order=desc} reverses it): {@code severity} (the default: worst first,
 * then the most recent change first), {@code recent} (most recent change first), {@code duration} (longest
 * first), {@code host}, {@code service} (by name), {@code last_check} (newest first). Every user's problems are in
 * the same order, so each snapshot sorts them once per order asked for.
 */
final class ProblemOrder {

    /** The {@code sort} values, the default first. */
    static final Set<String> SORTS = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
            List.of("severity", "recent", "duration", "host", "service", "last_check")));

    private record Key(String sort, boolean descending) {
    }

    private ProblemOrder() {
    }

    /** Every problem of {@code s} in the order {@code sort} and {@code descending} name, durations as of {@code s}. */
    static List<ProblemRow> sorted(StatusSnapshot s, String sort, boolean descending) {
        return s.derived(new Key(sort, descending), x -> sort(s, sort, descending));
    }

    private static List<ProblemRow> sort(StatusSnapshot s, String sort, boolean descending) {
        List<ProblemRow> rows = new ArrayList<>();
        for (HostView h : s.hostsIn(List.of("PROBLEM"))) {
            rows.add(ProblemRow.of(h));
        }
        for (ServiceView v : s.servicesIn(List.of("PROBLEM"))) {
            rows.add(ProblemRow.of(v, s));
        }
        rows.sort(order(sort, descending, s::durationOf));
        return List.copyOf(rows);
    }

    /** The order {@code sort} names, with each problem's duration as {@code duration} gives it. */
    static Comparator<ProblemRow> order(String sort, boolean descending, ToLongFunction<CheckView> duration) {
        Comparator<ProblemRow> within = sorts(duration).get(sort);
        if (within == null) {
            throw new IllegalArgumentException("no problem sort " + sort);
        }
        return Comparator.comparing(ProblemRow::handled).thenComparing(descending ? within.reversed() : within);
    }

    private static Map<String, Comparator<ProblemRow>> sorts(ToLongFunction<CheckView> duration) {
        Comparator<ProblemRow> byName = Comparator.comparing(ProblemRow::host).thenComparing(ProblemOrder::service);
        Comparator<ProblemRow> worst = Comparator.comparingInt(r -> -ListQuery.severity(r.status()));
        Comparator<ProblemRow> recent = Comparator.comparingLong(r -> duration.applyAsLong(r.status()));
        Map<String, Comparator<ProblemRow>> m = new LinkedHashMap<>();
        m.put("severity", worst.thenComparing(recent).thenComparing(byName));
        m.put("recent", recent.thenComparing(worst).thenComparing(byName));
        m.put("duration", recent.reversed().thenComparing(worst).thenComparing(byName));
        m.put("host", byName);
        m.put("service", Comparator.comparing(ProblemOrder::service).thenComparing(ProblemRow::host));
        m.put("last_check", Comparator.comparingLong((ProblemRow r) -> -epoch(r.status().lastCheck()))
                .thenComparing(byName));
        return m;
    }

    private static String service(ProblemRow r) {
        return r.service() == null ? "" : r.service();
    }

    private static long epoch(Instant t) {
        return t == null ? Long.MIN_VALUE + 1 : t.getEpochSecond();
    }
}
