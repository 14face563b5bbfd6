package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.List;

/** The {@code Stats:}, {@code StatsAnd:}, {@code StatsOr:} and {@code StatsNegate:} headers. */
final class StatsParsing {

    private StatsParsing() {
    }

    /** {@code Stats: column op value} (a count) or {@code Stats: sum column} (an aggregate). */
    static StatsSpec stats(HeaderLine h, RequestParser parser) throws LivestatusError {
        List<String> words = h.words();
        if (words.isEmpty()) {
            throw h.error("empty stats line: expected 'column operator value' or 'sum|min|max|avg|std|suminv|avginv"
                    + " column'");
        }
        StatsSpec.Aggregation aggregation = StatsSpec.Aggregation.of(words.get(0));
        if (aggregation == null) {
            return new StatsSpec.Count(parser.condition(h));
        }
        if (words.size() != 2) {
            throw h.error(words.size() < 2 ? "missing column name after '" + words.get(0) + "'"
                    : "expected one column after '" + words.get(0) + "'");
        }
        return new StatsSpec.Aggregate(aggregation, words.get(1));
    }

    /** {@code StatsAnd: n} ({@code all}) or {@code StatsOr: n}: the last n counts become one. */
    static void combine(List<StatsSpec> stats, int n, boolean all, String header) throws LivestatusError {
        if (n > stats.size()) {
            throw LivestatusError.badRequest(header + ": cannot combine " + n + " Stats: headers, only "
                    + stats.size() + " are given");
        }
        List<FilterExpr> parts = new ArrayList<>();
        for (StatsSpec s : stats.subList(stats.size() - n, stats.size())) {
            parts.add(countFilter(s, header));
        }
        stats.subList(stats.size() - n, stats.size()).clear();
        stats.add(new StatsSpec.Count(all ? new FilterExpr.All(List.copyOf(parts))
                : new FilterExpr.Any(List.copyOf(parts))));
    }

    static void negate(List<StatsSpec> stats, String header) throws LivestatusError {
        if (stats.isEmpty()) {
            throw LivestatusError.badRequest(header + ": no Stats: header to negate");
        }
        FilterExpr last = countFilter(stats.get(stats.size() - 1), header);
        stats.set(stats.size() - 1, new StatsSpec.Count(new FilterExpr.Not(last)));
    }

    private static FilterExpr countFilter(StatsSpec s, String header) throws LivestatusError {
        if (s instanceof StatsSpec.Count c) {
            return c.filter();
        }
        throw LivestatusError.badRequest(header + ": can only combine Stats: headers that count (column operator"
                + " value), not " + ((StatsSpec.Aggregate) s).aggregation().name().toLowerCase(java.util.Locale.ROOT));
    }
}
