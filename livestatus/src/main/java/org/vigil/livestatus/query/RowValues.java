package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the current row for the columns a request's filters and stats read, each read at most once per
 * row however many conditions test it (the tactical overview's sixty {@code Stats:} lines read about ten columns).
 * Columns get a slot when the request is compiled; {@link #moveTo} starts the next row.
 */
final class RowValues<R> {

    private final List<Column<R>> columns = new ArrayList<>();
    private final Map<String, Integer> slots = new HashMap<>();
    private Object[] values = new Object[0];
    private int[] readAt = new int[0];
    private long[] longs = new long[0];
    private int[] longAt = new int[0];
    private int generation;
    private R row;

    /** The slot of {@code column}, given one the first time it is asked for. */
    int slot(Column<R> column) {
        Integer slot = slots.get(column.name());
        if (slot != null) {
            return slot;
        }
        columns.add(column);
        values = new Object[columns.size()];
        readAt = new int[columns.size()];
        longs = new long[columns.size()];
        longAt = new int[columns.size()];
        generation = 0;
        slots.put(column.name(), columns.size() - 1);
        return columns.size() - 1;
    }

    void moveTo(R next) {
        row = next;
        generation++;
    }

    R row() {
        return row;
    }

    Object get(int slot) {
        if (readAt[slot] != generation) {
            values[slot] = columns.get(slot).value(row);
            readAt[slot] = generation;
        }
        return values[slot];
    }

    /** The value in {@code slot} as a long (0 when it is no number), read once per row, unboxed if need be. */
    long getLong(int slot) {
        if (longAt[slot] != generation) {
            longs[slot] = readAt[slot] == generation ? asLong(values[slot]) : columns.get(slot).longValue(row);
            longAt[slot] = generation;
        }
        return longs[slot];
    }

    private static long asLong(Object v) {
        return v instanceof Number n ? n.longValue() : 0L;
    }

    double getDouble(int slot) {
        Object v = get(slot);
        return v instanceof Number n ? n.doubleValue() : 0.0;
    }

    String getString(int slot) {
        Object v = get(slot);
        return v == null ? "" : v.toString();
    }
}
