package org.vigil.livestatus.query;

import java.util.List;

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
}
