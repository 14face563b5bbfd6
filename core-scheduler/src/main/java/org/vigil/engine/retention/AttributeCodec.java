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
