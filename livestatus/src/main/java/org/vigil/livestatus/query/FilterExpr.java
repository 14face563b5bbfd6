package org.vigil.livestatus.query;

import java.util.List;

/**
 * A filter as the headers wrote it, before any table is known: a condition on one column, an {@code And:} or
 * {@code Or:} of the filters before it, or a {@code Negate:}. {@link RowTests} compiles it against a table.
 */
sealed interface FilterExpr {

    /** {@code column operator value}, from the header {@code header} (for messages). */
    record Condition(String header, String column, Operator operator, String value) implements FilterExpr {
    }

    /** All of {@code parts} hold (true when empty, as {@code And: 0}). */
    record All(List<FilterExpr> parts) implements FilterExpr {
    }

    /** Any of {@code parts} holds (false when empty, as {@code Or: 0}). */
    record Any(List<FilterExpr> parts) implements FilterExpr {
    }

    /** {@code part} does not hold. */
    record Not(FilterExpr part) implements FilterExpr {
    }
}
