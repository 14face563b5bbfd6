package org.vigil.livestatus.query;

/**
 * The four CSV separators of {@code Separators:}, as bytes: between rows, between fields, between list elements,
 * and inside an element of a list of lists (host|service, and a dict's key|value).
 */
record Separators(byte row, byte field, byte list, byte sublist) {

    /** Livestatus's defaults: newline, semicolon, comma, pipe. */
    static final Separators DEFAULT = new Separators((byte) '\n', (byte) ';', (byte) ',', (byte) '|');
}
