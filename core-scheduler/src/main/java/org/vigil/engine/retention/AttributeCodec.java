package org.vigil.engine.retention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packs an attribute map into one text column: sorted {@code name=value} lines. Backslash, newline,
 * carriage return and NUL are escaped in both parts (PostgreSQL text cannot hold NUL), and '=' in names.
 * One column per object instead of one row per attribute keeps a 100,000-object flush to 100,000 rows.
 */
final class AttributeCodec {

    private AttributeCodec() {
    }

    static String encode(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder(attributes.size() * 24);
        for (Map.Entry<String, String> e : new TreeMap<>(attributes).entrySet()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            escape(e.getKey(), true, out);
            out.append('=');
            escape(e.getValue(), false, out);
        }
        return out.toString();
    }

    /** Decodes what {@link #encode} wrote; throws IllegalArgumentException on anything else. */
    static Map<String, String> decode(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return attributes;
        }
        StringBuilder part = new StringBuilder();
        String name = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw new IllegalArgumentException("dangling escape at the end");
                }
                part.append(unescape(text.charAt(i)));
            } else if (c == '=' && name == null) {
                name = part.toString();
                part.setLength(0);
            } else if (c == '\n') {
                put(attributes, name, part);
                name = null;
            } else {
                part.append(c);
            }
        }
        put(attributes, name, part);
        return attributes;
    }

    private static void put(Map<String, String> attributes, String name, StringBuilder value) {
        if (name == null) {
            throw new IllegalArgumentException("a line without '=': " + value);
        }
        attributes.put(name, value.toString());
        value.setLength(0);
    }

    private static void escape(String s, boolean isName, StringBuilder out) {
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
