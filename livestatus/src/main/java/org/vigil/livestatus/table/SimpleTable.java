package org.vigil.livestatus.table;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Table;

/** A table made of its name, its columns, how to list its rows and (for WaitObject) how to find one by name. */
final class SimpleTable<R> implements Table<R> {

    private final String name;
    private final List<Column<R>> columns;
    private final Function<QueryContext, Iterable<R>> rows;
    private final BiFunction<String, QueryContext, Optional<R>> object;

    SimpleTable(String name, List<Column<R>> columns, Function<QueryContext, Iterable<R>> rows,
                BiFunction<String, QueryContext, Optional<R>> object) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.object = object;
    }

    SimpleTable(String name, List<Column<R>> columns, Function<QueryContext, Iterable<R>> rows) {
        this(name, columns, rows, (n, c) -> Optional.empty());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Column<R>> columns() {
        return columns;
    }

    @Override
    public Iterable<R> rows(QueryContext context) {
        return rows.apply(context);
    }

    @Override
    public Optional<R> object(String name, QueryContext context) {
        return object.apply(name, context);
    }
}
