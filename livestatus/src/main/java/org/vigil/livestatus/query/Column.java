package org.vigil.livestatus.query;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a table whose rows are {@code R}: its Livestatus name, type, the description the {@code columns}
 * table shows, and how to read it from a row ({@link ColumnType} says what Java type the value has).
 */
public record Column<R>(String name, ColumnType type, String description, Function<? super R, ?> reader) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        description = description == null ? "" : description;
    }

    /** The value of this column in {@code row}. */
    public Object value(R row) {
        return reader.apply(row);
    }

    /** The same column under {@code prefix + name} reading {@code R2} rows through {@code to} (host_ columns). */
    public <R2> Column<R2> prefixed(String prefix, Function<? super R2, ? extends R> to) {
        Function<? super R, ?> read = reader;
        return new Column<>(prefix + name, type, description, r -> read.apply(to.apply(r)));
    }
}
