package org.vigil.livestatus.query;

/**
 * One {@code Stats:} column as the headers wrote it: a count of the rows a filter accepts, or an aggregate
 * ({@code sum}, {@code min}, ...) of one numeric column.
 */
sealed interface StatsSpec {

    /** {@code Stats: column op value}, or a {@code StatsAnd/Or/Negate} of such. */
    record Count(FilterExpr filter) implements StatsSpec {
    }

    /** {@code Stats: sum column} and its kin. */
    record Aggregate(Aggregation aggregation, String column) implements StatsSpec {
    }

    /** The aggregate functions, named as the header names them. */
    enum Aggregation {
        SUM, MIN, MAX, AVG, STD, SUMINV, AVGINV;

        /** The aggregation {@code word} names, or null (then the word is a column and the line a count). */
        static Aggregation of(String word) {
            for (Aggregation a : values()) {
                if (a.name().toLowerCase(java.util.Locale.ROOT).equals(word)) {
                    return a;
                }
            }
            return null;
        }
    }
}
