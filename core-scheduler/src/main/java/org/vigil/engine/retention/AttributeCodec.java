package org.vigil.engine.retention;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Packs an attribute map into one text column: sorted {@code name=value} lines. Backslash, newline,
 * carriage return and NUL are escaped in both parts (PostgreSQL text cannot hold NUL), and '=' in names.
 * One column per object instead of one row per attribute keeps a 100,000-object flush to 100,000 rows.
 */
final class AttributeCodec {

    private AttributeCodec() {
    }

    static String encode(Map<String, String> attributes) {
        String[] names = attributes.keySet().toArray(new String[0]);
        Arrays.sort(names);
        int length = names.length;
        for (String name : names) {
            length += name.length() + attributes.get(name).length() + 1;
        }
        StringBuilder out = new StringBuilder(length + 16);
        for (String name : names) {
            if (out.length() > 0) {
                out.append('\n');
            }
            escape(name, true, out);
            out.append('=');
            escape(attributes.get(name), false, out);
        }
        return out.toString();
    }

    /**
     * Decodes what {@link #encode} wrote, into an immutable map; throws IllegalArgumentException on anything
     * else. A start decodes one of these per retained object (100,000 and more), so the common case allocates
     * little: names are shared (the same few dozen in every record), "0", "1" and "" are constants, and text
     * without escapes is cut out with {@code substring} rather than copied a character at a time.
     */
    static Map<String, String> decode(String text) {
        if (text.isEmpty()) {
            return Map.of();
        }
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] pairs = new Map.Entry[lines];
        int from = 0;
        for (int n = 0; n < lines; n++) {
            int to = text.indexOf('\n', from);
            if (to < 0) {
                to = text.length();
            }
            pairs[n] = line(text, from, to);
            from = to + 1;
        }
        try {
            return Map.ofEntries(pairs);
        } catch (IllegalArgumentException duplicate) {
            // never written by encode; the last value wins, as it always did
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : pairs) {
                attributes.put(e.getKey(), e.getValue());
            }
            return Map.copyOf(attributes);
        }
    }

    /** One {@code name=value} line, {@code text[from, to)}. Raw newlines only separate lines: each is escaped. */
    private static Map.Entry<String, String> line(String text, int from, int to) {
        boolean escaped = false;
        int equals = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                escaped = true;
                i++;
            } else if (c == '=') {
                equals = i;
                break;
            }
        }
        if (equals < 0) {
            throw new IllegalArgumentException("a line without '=': " + text.substring(from, Math.min(to, from + 80)));
        }
        String name = shared(escaped ? unescape(text, from, equals) : text.substring(from, equals));
        String value = hasEscape(text, equals + 1, to) ? unescape(text, equals + 1, to) : value(text, equals + 1, to);
        return Map.entry(name, value);
    }

    private static boolean hasEscape(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    private static String value(String text, int from, int to) {
        if (to - from == 0) {
            return "";
        }
        if (to - from == 1) {
            char c = text.charAt(from);
            if (c == '0') {
                return "0";
            }
            if (c == '1') {
                return "1";
            }
        }
        return text.substring(from, to);
    }

    /** Attribute names, one instance each (bounded: a damaged database cannot fill it). */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String shared(String name) {
        String known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (NAMES.size() < 1024) {
            // the JVM's own instance: the restoring code looks names up by literals, which are the same instance
            String interned = name.intern();
            NAMES.putIfAbsent(interned, interned);
            return interned;
        }
        return name;
    }

    private static String unescape(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == to) {
                    throw new IllegalArgumentException("dangling escape at the end");
                }
                out.append(unescape(text.charAt(i)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void escape(String s, boolean isName, StringBuilder out) {
        if (isPlain(s, isName)) {
            out.append(s); // the usual case, and a flush encodes millions of these
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                case '=' -> out.append(isName ? "\\=" : "=");
                default -> out.append(c);
            }
        }
    }

    private static boolean isPlain(String s, boolean isName) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\0' || (isName && c == '=')) {
                return false;
            }
        }
        return true;
    }

    private static char unescape(char c) {
        return switch (c) {
            case '\\' -> '\\';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case '0' -> '\0';
            case '=' -> '=';
            default -> throw new IllegalArgumentException("unknown escape \\" + c);
        };
    }
}
