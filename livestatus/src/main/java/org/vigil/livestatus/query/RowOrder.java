package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of {@code Sort:} headers (the first one decides first): ints and times numerically, floats
 * numerically, everything else by its text. Each row's sort values are read once, not at every comparison.
 */
final class RowOrder<R> {

    private final List<Column<R>> columns = new ArrayList<>();
    private final List<Boolean> descending = new ArrayList<>();

    RowOrder(List<SortSpec> sorts, TableColumns<R> table) throws LivestatusError {
        for (SortSpec s : sorts) {
            columns.add(table.get(s.column(), "Sort"));
            descending.add(s.descending());
        }
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** A row with its sort values read. */
    record Keyed<T>(T item, Object[] keys) {
    }

    <T> Keyed<T> keyed(T item, R row) {
        Object[] keys = new Object[columns.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = columns.get(i).value(row);
        }
        return new Keyed<>(item, keys);
    }

    /** Sorts {@code rows} in place, stably (rows that compare equal keep the table's order). */
    <T> void sort(List<Keyed<T>> rows) {
        Comparator<Keyed<T>> order = (a, b) -> 0;
        for (int i = 0; i < columns.size(); i++) {
            int k = i;
            Comparator<Keyed<T>> one = (a, b) -> compare(columns.get(k).type(), a.keys()[k], b.keys()[k]);
            order = order.thenComparing(descending.get(i) ? one.reversed() : one);
        }
        rows.sort(order);
    }

    private static int compare(ColumnType type, Object a, Object b) {
        switch (type) {
            case INT:
            case TIME:
                return Long.compare(ResponseWriter.asLong(a), ResponseWriter.asLong(b));
            case FLOAT:
                return Double.compare(ResponseWriter.asDouble(a), ResponseWriter.asDouble(b));
            default:
                return String.valueOf(a).compareTo(String.valueOf(b));
        }
    }
}
