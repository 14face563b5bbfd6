package org.vigil.livestatus.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Livestatus's JSON and Python answers: a list of rows, each a list of values, rows separated by {@code ",\n"} and
 * the whole ended by a newline; {@code wrapped_json} wraps it as {@code {"data":[...],"total_count":N}} with
 * {@code "columns"} first when headers are asked for, as Naemon writes it. Strings are escaped as Livestatus
 * escapes them ({@code "} and {@code \} with a backslash, control characters and every non-ASCII character as
 * {@code \}{@code uXXXX}); Python 2 marks them {@code u"..."}, and both Python formats write a character beyond
 * U+FFFF as {@code \}{@code UXXXXXXXX} where JSON writes its surrogate pair.
 */
final class JsonWriter extends ResponseWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final OutputFormat format;
    private final boolean python;
    private boolean needSeparator;

    JsonWriter(OutputFormat format, long timezoneOffset) {
        super(timezoneOffset);
        this.format = format;
        this.python = format == OutputFormat.PYTHON || format == OutputFormat.PYTHON3;
    }

    @Override
    void begin(List<String> headers) {
        boolean wrapped = format == OutputFormat.WRAPPED_JSON;
        if (headers == null) {
            out.ascii(wrapped ? "{\"data\":[" : "[");
            return;
        }
        out.ascii(wrapped ? "{\"columns\":[" : "[[");
        for (int i = 0; i < headers.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            string(headers.get(i));
        }
        out.ascii(']');
        if (wrapped) {
            out.ascii(",\"data\":[");
        } else {
            needSeparator = true;
        }
    }

    @Override
    void row(Object[] values, ColumnType[] types) {
        if (needSeparator) {
            out.ascii(",\n");
        }
        needSeparator = true;
        out.ascii('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            value(values[i], types[i]);
        }
        out.ascii(']');
    }

    @Override
    void end(long total) {
        out.ascii(']');
        if (format == OutputFormat.WRAPPED_JSON) {
            out.ascii(",\"total_count\":" + total + "}");
        }
        out.ascii('\n');
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
                floating(asDouble(v));
                break;
            case LIST:
                list(v);
                break;
            case DICT:
                dict(v);
                break;
            default:
                string(v == null ? "" : v.toString());
                break;
        }
    }

    private void floating(double d) {
        if (Double.isFinite(d)) {
            out.ascii(formatDouble(d));
        } else {
            out.ascii(python ? "None" : "null");
        }
    }

    private void list(Object v) {
        out.ascii('[');
        if (v instanceof Collection<?> c) {
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    out.ascii(',');
                }
                first = false;
                element(e);
            }
        }
        out.ascii(']');
    }

    private void element(Object e) {
        if (e instanceof Collection<?>) {
            list(e);
        } else if (e instanceof Double || e instanceof Float) {
            floating(((Number) e).doubleValue());
        } else if (e instanceof Number n) {
            out.ascii(Long.toString(n.longValue()));
        } else {
            string(String.valueOf(e));
        }
    }

    private void dict(Object v) {
        out.ascii('{');
        if (v instanceof Map<?, ?> m) {
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.ascii(',');
                }
                first = false;
                string(String.valueOf(e.getKey()));
                out.ascii(':');
                string(String.valueOf(e.getValue()));
            }
        }
        out.ascii('}');
    }

    private void string(String s) {
        if (format == OutputFormat.PYTHON) {
            out.ascii('u');
        }
        out.ascii('"');
        if (isPlain(s)) {
            out.ascii(s);
            out.ascii('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.ascii('\\');
                out.ascii(c);
            } else if (c >= 32 && c < 128) {
                out.ascii(c);
            } else if (python && Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.ascii("\\U" + hex(cp >>> 16, 4) + hex(cp, 4));
            } else {
                out.ascii("\\u" + hex(c, 4));
            }
        }
        out.ascii('"');
    }

    /** Whether {@code s} is printable ASCII without quotes or backslashes, written as it is. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c >= 128 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static String hex(int value, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = HEX[value & 0xf];
            value >>>= 4;
        }
        return new String(c);
    }
}
