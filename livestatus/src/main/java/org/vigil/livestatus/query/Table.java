package org.vigil.livestatus.query;

import java.util.List;
import java.util.Optional;

/**
 * A Livestatus table: its name, its columns and its rows as {@code context} lets its user see them
 * ({@code AuthUser}). Rows are read from one snapshot, so one answer is consistent.
 */
public interface Table<R> {

    /** The name a {@code GET} line uses, for example {@code hosts}. */
    String name();

    /** Every column, in the order a request without {@code Columns:} answers them. */
    List<Column<R>> columns();

    /** The rows {@code context} may see, in the table's natural order. */
    Iterable<R> rows(QueryContext context);

    /**
     * The row a {@code WaitObject:} header names, if {@code context} may see it: a host or group by its name, a
     * service as {@code host;description} or {@code host description} (Livestatus accepts both), a comment or
     * downtime by its id. Tables without such objects (log, columns, status) have none.
     */
    default Optional<R> object(String name, QueryContext context) {
        return Optional.empty();
    }
}
