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

    /** A row with its sort values read, and its place in the table (equal rows keep the table's order). */
    record Keyed<T>(T item, Object[] keys, long place) {
    }

    <T> Keyed<T> keyed(T item, R row, long place) {
        Object[] keys = new Object[columns.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = columns.get(i).value(row);
        }
        return new Keyed<>(item, keys, place);
    }

    /** The order of the Sort headers, then the table's. */
    <T> Comparator<Keyed<T>> comparator() {
        ColumnType[] types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        boolean[] down = new boolean[types.length];
        for (int i = 0; i < down.length; i++) {
            down[i] = descending.get(i);
        }
        return (a, b) -> {
            for (int i = 0; i < types.length; i++) {
                int c = compare(types[i], a.keys()[i], b.keys()[i]);
                if (c != 0) {
                    return down[i] ? -c : c;
                }
            }
            return Long.compare(a.place(), b.place());
        };
    }

    /** Sorts {@code rows} in place. */
    <T> void sort(List<Keyed<T>> rows) {
        rows.sort(comparator());
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
