package org.vigil.livestatus.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.ColumnType;

/**
 * Builds a table's column list with the value conventions Livestatus clients expect: booleans as 0/1, times as
 * epoch seconds with 0 for never, absent strings as "" (never null), lists and custom variables never null. Int
 * and time columns are read as primitives ({@link Column#ofLong}), so filters and stats do not box them.
 */
final class Columns<R> {

    private final List<Column<R>> columns = new ArrayList<>();

    Columns<R> integer(String name, String description, ToLongFunction<R> read) {
        return add(Column.ofLong(name, ColumnType.INT, description, read));
    }

    Columns<R> flag(String name, String description, Predicate<R> read) {
        return add(Column.ofLong(name, ColumnType.INT, description, r -> read.test(r) ? 1L : 0L));
    }

    Columns<R> number(String name, String description, ToDoubleFunction<R> read) {
        return add(new Column<>(name, ColumnType.FLOAT, description, r -> read.applyAsDouble(r)));
    }

    Columns<R> text(String name, String description, Function<R, String> read) {
        return add(new Column<>(name, ColumnType.STRING, description, r -> nz(read.apply(r))));
    }

    Columns<R> time(String name, String description, Function<R, Instant> read) {
        return add(Column.ofLong(name, ColumnType.TIME, description, r -> epoch(read.apply(r))));
    }

    /** A time column whose reader already gives epoch seconds. */
    Columns<R> seconds(String name, String description, ToLongFunction<R> read) {
        return add(Column.ofLong(name, ColumnType.TIME, description, read));
    }

    Columns<R> list(String name, String description, Function<R, List<?>> read) {
        return add(new Column<>(name, ColumnType.LIST, description, r -> {
            List<?> l = read.apply(r);
            return l == null ? List.of() : l;
        }));
    }

    Columns<R> dict(String name, String description, Function<R, Map<String, String>> read) {
        return add(new Column<>(name, ColumnType.DICT, description, r -> {
            Map<String, String> m = read.apply(r);
            return m == null ? Map.of() : m;
        }));
    }

    /** Every column of {@code other} under {@code prefix}, read through {@code to}. */
    <R2> Columns<R> prefixed(String prefix, List<Column<R2>> other, Function<? super R, ? extends R2> to) {
        for (Column<R2> c : other) {
            columns.add(c.prefixed(prefix, to));
        }
        return this;
    }

    /**
     * Every column of {@code other} under {@code prefix}, read through {@code to}, which may give null (the service
     * of a host comment): then each column has its type's empty value, as Livestatus shows it.
     */
    <R2> Columns<R> prefixedOrEmpty(String prefix, List<Column<R2>> other, Function<? super R, ? extends R2> to) {
        for (Column<R2> c : other) {
            if (c.type() == ColumnType.INT || c.type() == ColumnType.TIME) {
                columns.add(Column.ofLong(prefix + c.name(), c.type(), c.description(), r -> {
                    R2 target = to.apply(r);
                    return target == null ? 0L : c.longValue(target);
                }));
                continue;
            }
            columns.add(new Column<>(prefix + c.name(), c.type(), c.description(), r -> {
                R2 target = to.apply(r);
                return target == null ? empty(c.type()) : c.value(target);
            }));
        }
        return this;
    }

    /** The value a column of {@code type} has when there is nothing to read. */
    static Object empty(ColumnType type) {
        return switch (type) {
            case INT, TIME -> 0L;
            case FLOAT -> 0.0;
            case LIST -> List.of();
            case DICT -> Map.of();
            default -> "";
        };
    }

    Columns<R> add(Column<R> c) {
        columns.add(c);
        return this;
    }

    List<Column<R>> build() {
        return Collections.unmodifiableList(new ArrayList<>(columns));
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static long epoch(Instant t) {
        return t == null ? 0L : t.getEpochSecond();
    }
}
