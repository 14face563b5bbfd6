package org.vigil.engine.retention;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Packs an attribute map into one text column: sorted {@code name=value} lines. Backslash, newline,
 * carriage return and NUL are escaped in both parts (PostgreSQL text cannot hold NUL), and '=' in names.
 * One column per object instead of one row per attribute keeps a 100,000-object flush to 100,000 rows.
 *
 * <p>Most of a retained status is the same in every record (counters at 0, switches on, times never). The
 * {@link #USUAL} values are not written out: a first line {@code \d} and a hexadecimal mask names the ones the
 * record holds, one bit each (a record of a checked OK service is about 130 characters instead of 830). Text
 * without such a line, as written before, is read as it always was; a record without a usual value is written
 * exactly as before. {@code \d} is no escape, so no line of the older text can start with it.
 */
final class AttributeCodec {

    private AttributeCodec() {
    }

    /**
     * The usual values, in their bit order: this order is stored in every record's mask, so names are only ever
     * added at the end (at most 64).
     */
    private static final String[][] USUAL = {
            {"acknowledgement_type", "0"}, {"active_checks_enabled", "1"}, {"check_type", "0"},
            {"current_attempt", "1"}, {"current_event_id", "0"}, {"current_notification_number", "0"},
            {"current_problem_id", "0"}, {"current_state", "0"}, {"event_handler_enabled", "1"},
            {"flap_detection_enabled", "1"}, {"flapping_comment_id", "0"}, {"has_been_checked", "1"},
            {"is_flapping", "0"}, {"last_check", "0"}, {"last_event_id", "0"}, {"last_hard_state", "0"},
            {"last_hard_state_change", "0"}, {"last_notification", "0"}, {"last_problem_id", "0"},
            {"last_state", "0"}, {"last_state_change", "0"}, {"last_state_history_update", "0"},
            {"last_time_critical", "0"}, {"last_time_ok", "0"}, {"last_time_unknown", "0"},
            {"last_time_warning", "0"}, {"last_time_up", "0"}, {"last_time_down", "0"},
            {"last_time_unreachable", "0"}, {"long_plugin_output", ""}, {"next_check", "0"},
            {"next_notification", "0"}, {"no_more_notifications", "0"}, {"notifications_enabled", "1"},
            {"passive_checks_enabled", "1"}, {"percent_state_change", "0.0"}, {"performance_data", ""},
            {"plugin_output", ""}, {"problem_has_been_acknowledged", "0"},
            {"state_history", "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"}, {"state_type", "1"},
    };
    /** The usual values as entries, shared by every decoded record. */
    private static final Map.Entry<String, String>[] USUAL_ENTRIES = usualEntries();
    private static final Map<String, Integer> USUAL_BIT = usualBits();
    private static final String MASK = "\\d";

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, String>[] usualEntries() {
        Map.Entry<String, String>[] entries = new Map.Entry[USUAL.length];
        for (int i = 0; i < USUAL.length; i++) {
            entries[i] = Map.entry(USUAL[i][0].intern(), USUAL[i][1]);
        }
        return entries;
    }

    private static Map<String, Integer> usualBits() {
        Map<String, Integer> bits = new java.util.HashMap<>();
        for (int i = 0; i < USUAL.length; i++) {
            bits.put(USUAL[i][0], i);
        }
        return Map.copyOf(bits);
    }

    static String encode(Map<String, String> attributes) {
        String[] names = attributes.keySet().toArray(new String[0]);
        Arrays.sort(names);
        long mask = 0;
        int length = names.length;
        for (int i = 0; i < names.length; i++) {
            String value = attributes.get(names[i]);
            Integer bit = USUAL_BIT.get(names[i]);
            if (bit != null && USUAL[bit][1].equals(value)) {
                mask |= 1L << bit;
                names[i] = null;
            } else {
                length += names[i].length() + value.length() + 1;
            }
        }
        StringBuilder out = new StringBuilder(length + 20);
        if (mask != 0) {
            out.append(MASK).append(Long.toHexString(mask));
        }
        for (String name : names) {
            if (name == null) {
                continue;
            }
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
        long mask = 0;
        int from = 0;
        if (text.startsWith(MASK)) {
            int end = text.indexOf('\n');
            end = end < 0 ? text.length() : end;
            mask = mask(text.substring(MASK.length(), end));
            from = Math.min(end + 1, text.length());
        }
        int lines = from == text.length() ? 0 : 1;
        for (int i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] pairs = new Map.Entry[Long.bitCount(mask) + lines];
        int n = 0;
        for (long bits = mask; bits != 0; bits &= bits - 1) {
            pairs[n++] = USUAL_ENTRIES[Long.numberOfTrailingZeros(bits)];
        }
        for (int line = 0; line < lines; line++) {
            int to = text.indexOf('\n', from);
            if (to < 0) {
                to = text.length();
            }
            pairs[n++] = line(text, from, to);
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

    /** The mask of usual values, checked: bits past the known values mean a record written by a later Vigil. */
    private static long mask(String hex) {
        long mask = 0;
        boolean known = !hex.isEmpty() && hex.length() <= 16;
        if (known) {
            try {
                mask = Long.parseUnsignedLong(hex, 16);
                known = USUAL.length >= 64 || (mask >>> USUAL.length) == 0;
            } catch (NumberFormatException e) {
                known = false;
            }
        }
        if (!known) {
            throw new IllegalArgumentException("a mask of usual values that this Vigil does not know: \\d" + hex);
        }
        return mask;
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
