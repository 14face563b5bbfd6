package org.vigil.livestatus.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Livestatus's CSV: fields separated by the field separator, rows ended by the row separator, list elements by the
 * list separator, the items of an element that is a list (host and service, a comment's id, author and text) and
 * a dict's key and value by the sub-list separator. Text goes out as it is, without quoting.
 */
final class CsvWriter extends ResponseWriter {

    private final Separators separators;

    CsvWriter(Separators separators, long timezoneOffset) {
        super(timezoneOffset);
        this.separators = separators;
    }

    @Override
    void begin(List<String> headers) {
        if (headers != null) {
            for (int i = 0; i < headers.size(); i++) {
                if (i > 0) {
                    out.raw(separators.field());
                }
                out.utf8(headers.get(i));
            }
            out.raw(separators.row());
        }
    }

    @Override
    void row(Object[] values, ColumnType[] types) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.raw(separators.field());
            }
            value(values[i], types[i]);
        }
        out.raw(separators.row());
    }

    private void value(Object v, ColumnType type) {
        switch (type) {
            case INT:
                out.ascii(Long.toString(asLong(v)));
                break;
            case TIME:
                out.ascii(Long.toString(asLong(v) + timezoneOffset));
                break;
            case FLOAT:
                out.ascii(formatDouble(asDouble(v)));
                break;
            case LIST:
                list(v);
                break;
            case DICT:
                dict(v);
                break;
            default:
                out.utf8(v == null ? "" : v.toString());
                break;
        }
    }

    private void list(Object v) {
        if (!(v instanceof Collection<?> c)) {
            return;
        }
        boolean first = true;
        for (Object e : c) {
            if (!first) {
                out.raw(separators.list());
            }
            first = false;
            if (e instanceof Collection<?> sub) {
                boolean firstItem = true;
                for (Object item : sub) {
                    if (!firstItem) {
                        out.raw(separators.sublist());
                    }
                    firstItem = false;
                    scalar(item);
                }
            } else {
                scalar(e);
            }
        }
    }

    private void dict(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return;
        }
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                out.raw(separators.list());
            }
            first = false;
            out.utf8(String.valueOf(e.getKey()));
            out.raw(separators.sublist());
            out.utf8(String.valueOf(e.getValue()));
        }
    }

    private void scalar(Object item) {
        if (item instanceof Double || item instanceof Float) {
            out.ascii(formatDouble(((Number) item).doubleValue()));
        } else {
            out.utf8(String.valueOf(item));
        }
    }

    @Override
    void end(long total) {
        // CSV has no end mark: the connection (or fixed16's length) ends it
    }
}
