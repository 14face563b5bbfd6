package org.vigil.livestatus.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A table's columns by name, for one request; an unknown name is a 404 naming the table and the header. */
final class TableColumns<R> {

    private final Table<R> table;
    private final Map<String, Column<R>> byName;

    TableColumns(Table<R> table) {
        this.table = table;
        List<Column<R>> columns = table.columns();
        byName = new HashMap<>(columns.size() * 2);
        for (Column<R> c : columns) {
            byName.putIfAbsent(c.name(), c);
        }
    }

    Table<R> table() {
        return table;
    }

    Column<R> get(String name, String header) throws LivestatusError {
        Column<R> c = byName.get(name);
        if (c == null) {
            throw new LivestatusError(LivestatusError.NOT_FOUND, header + ": table '" + table.name()
                    + "' has no column '" + RequestParser.abbreviate(name) + "'");
        }
        return c;
    }
}
