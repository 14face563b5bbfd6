package org.vigil.livestatus.query;

/**
 * The types of Livestatus columns, as the {@code columns} table names them. What a column's value is in Java:
 * {@code INT} a {@link Long} (booleans are 0/1), {@code FLOAT} a {@link Double}, {@code STRING} a {@link String},
 * {@code TIME} a {@link Long} of epoch seconds (0 for never), {@code LIST} a {@link java.util.List} of strings,
 * numbers or lists (the {@code *_with_info} columns), {@code DICT} a {@link java.util.Map} of strings (custom
 * variables), {@code BLOB} a {@link String}. Never null: an absent value is 0, "" or empty.
 */
public enum ColumnType {
    INT, FLOAT, STRING, TIME, LIST, DICT, BLOB;

    /** The name the {@code columns} table gives the type. */
    public String livestatusName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
