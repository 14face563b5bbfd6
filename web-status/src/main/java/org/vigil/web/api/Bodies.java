package org.vigil.web.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.engine.command.CommandLimits;

/** Checks and converts action bodies into external command arguments; anything wrong is a 400. */
public final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ApiException.badRequest("this action needs a JSON body; see docs/api.md");
        }
        return body;
    }

    /**
     * A required text field, one line (the command file's lines end at a newline), at most as long as the engine
     * takes it ({@link CommandLimits}): a comment 8 KiB, a passive result's output what a command line holds.
     */
    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required");
        }
        if (field.equals("output")) {
            // Nagios's convention for multi-line passive output: a literal \n separates the lines
            return bounded(field, value.replace("\r", "").replace("\n", "\\n"), CommandLimits.MAX_LINE_BYTES);
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw ApiException.badRequest("'" + field + "' must be one line");
        }
        return bounded(field, value, CommandLimits.MAX_COMMENT_BYTES);
    }

    /** {@code value}, or a 400 naming the field when it has more than {@code max} bytes (UTF-8). */
    static String bounded(String field, String value, int max) {
        long size = CommandLimits.bytes(value);
        if (size > max) {
            throw ApiException.badRequest("'" + field + "' is " + size + " bytes, more than the " + max
                    + " allowed");
        }
        return value;
    }

    static String flag(Boolean value, boolean dflt) {
        return (value == null ? dflt : value) ? "1" : "0";
    }

    static String sticky(Actions.Acknowledge b) {
        return b.sticky() == null || b.sticky() ? "2" : "1";
    }

    static boolean enabled(Actions.Switch body) {
        if (body == null || body.enabled() == null) {
            throw ApiException.badRequest("'enabled' (true or false) is required");
        }
        return body.enabled();
    }

    public static long id(String kind, String id) {
        try {
            long n = Long.parseLong(id);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badRequest(kind + " id '" + id + "' is not a whole number from 1");
    }

    /** {@code 0}-{@code 2} or {@code up}, {@code down}, {@code unreachable}. */
    public static String hostCode(String status) {
        return code(status, List.of("UP", "DOWN", "UNREACHABLE"));
    }

    /** {@code 0}-{@code 3} or {@code ok}, {@code warning}, {@code critical}, {@code unknown}. */
    public static String serviceCode(String status) {
        return code(status, List.of("OK", "WARNING", "CRITICAL", "UNKNOWN"));
    }

    private static String code(String status, List<String> names) {
        if (status == null || status.isBlank()) {
            throw ApiException.badRequest("'status' is required (0-" + (names.size() - 1) + " or "
                    + String.join(", ", names).toLowerCase(Locale.ROOT) + ")");
        }
        String s = status.strip().toUpperCase(Locale.ROOT);
        int i = names.indexOf(s);
        if (i >= 0) {
            return Integer.toString(i);
        }
        if (s.matches("[0-9]") && Integer.parseInt(s) < names.size()) {
            return s;
        }
        throw ApiException.badRequest("status '" + status + "' is not 0-" + (names.size() - 1) + " or one of "
                + String.join(", ", names).toLowerCase(Locale.ROOT));
    }

    /** The arguments after the objects of a SCHEDULE_*_DOWNTIME command. */
    public static String[] downtimeArgs(String host, String service, Actions.Downtime b, String author) {
        Instant start = time("start", b.start());
        Instant end = time("end", b.end());
        if (!end.isAfter(start)) {
            throw ApiException.badRequest("'end' must be after 'start'");
        }
        boolean fixed = b.fixed() == null || b.fixed();
        long duration;
        if (fixed) {
            duration = end.getEpochSecond() - start.getEpochSecond();
        } else {
            if (b.duration() == null || b.duration() < 1) {
                throw ApiException.badRequest("a flexible downtime ('fixed': false) needs 'duration' in seconds, 1 or more");
            }
            duration = b.duration();
        }
        long trigger = b.triggerId() == null ? 0 : b.triggerId();
        if (trigger < 0) {
            throw ApiException.badRequest("'trigger_id' must be 0 (none) or a downtime id");
        }
        List<String> args = new ArrayList<>();
        args.add(host);
        if (service != null) {
            args.add(service);
        }
        args.addAll(List.of(Long.toString(start.getEpochSecond()), Long.toString(end.getEpochSecond()),
                fixed ? "1" : "0", Long.toString(trigger), Long.toString(duration), author,
                text("comment", b.comment())));
        return args.toArray(String[]::new);
    }

    /** Epoch seconds or ISO-8601 with an offset ({@code 2024-05-01T10:00:00Z}). */
    public static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required (epoch seconds or ISO-8601)");
        }
        String v = value.strip();
        try {
            if (v.matches("[0-9]{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(v));
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' is '" + value
                    + "', not epoch seconds or ISO-8601 such as 2024-05-01T10:00:00Z");
        }
    }
}
