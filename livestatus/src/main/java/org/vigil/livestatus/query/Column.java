package org.vigil.livestatus.query;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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

    /**
     * An int or time column read as a primitive: filters and stats read it without boxing (Thruk's tactical
     * overview reads a dozen such columns of every service), everything else through {@link #value}.
     */
    public static <R> Column<R> ofLong(String name, ColumnType type, String description,
                                       ToLongFunction<? super R> read) {
        return new Column<>(name, type, description, new LongReader<R>(read));
    }

    /** The value of this column in {@code row}. */
    public Object value(R row) {
        return reader.apply(row);
    }

    /** The value of an int or time column in {@code row} as a long (0 when it is no number). */
    @SuppressWarnings("unchecked")
    public long longValue(R row) {
        if (reader instanceof LongReader<?> primitive) {
            return ((LongReader<R>) primitive).read.applyAsLong(row);
        }
        return reader.apply(row) instanceof Number n ? n.longValue() : 0L;
    }

    /** The same column under {@code prefix + name} reading {@code R2} rows through {@code to} (host_ columns). */
    @SuppressWarnings("unchecked")
    public <R2> Column<R2> prefixed(String prefix, Function<? super R2, ? extends R> to) {
        if (reader instanceof LongReader<?> primitive) {
            ToLongFunction<R> read = ((LongReader<R>) primitive).read;
            return ofLong(prefix + name, type, description, r -> read.applyAsLong(to.apply(r)));
        }
        Function<? super R, ?> read = reader;
        return new Column<>(prefix + name, type, description, r -> read.apply(to.apply(r)));
    }

    /** A reader of a primitive long, boxing only for {@link #value}. */
    private static final class LongReader<R> implements Function<R, Object> {
        private final ToLongFunction<R> read;

        @SuppressWarnings("unchecked")
        LongReader(ToLongFunction<? super R> read) {
            this.read = (ToLongFunction<R>) read;
        }

        @Override
        public Object apply(R row) {
            return read.applyAsLong(row);
        }
    }
}
