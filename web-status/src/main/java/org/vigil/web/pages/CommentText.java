package org.vigil.web.pages;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automatic downtime comments' text as the pages show it: the engine writes Nagios's text with the times in
 * {@code date_format} ({@code 12-07-2026 16:00:00} for {@code us}, as Nagios does and as the differential tests
 * compare), and the pages show those times in their own style ({@code 2026-12-07 16:00:00}), so no US date sits
 * next to an ISO one. Only the times of the two downtime sentences change; other text is shown as written.
 */
final class CommentText {

    private static final Pattern DOWNTIME = Pattern.compile(
            "(scheduled for (?:fixed downtime from|flexible downtime starting between) )([0-9-]+ [0-9:]+)"
                    + "( (?:to|and) )([0-9-]+ [0-9:]+)");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final DateTimeFormatter written;

    /** For the engine's {@code date_format}: {@code us}, {@code euro}, {@code iso8601} or {@code strict-iso8601}. */
    CommentText(String dateFormat) {
        String pattern = switch (dateFormat == null ? "us" : dateFormat.strip().toLowerCase(Locale.ROOT)) {
            case "euro" -> "dd-MM-yyyy HH:mm:ss";
            case "iso8601" -> "yyyy-MM-dd HH:mm:ss";
            case "strict-iso8601" -> "yyyy-MM-dd'T'HH:mm:ss";
            default -> "MM-dd-yyyy HH:mm:ss";
        };
        this.written = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    }

    /** {@code text} of a comment of {@code type}, its downtime times rewritten; any other text as it is. */
    String shown(String type, String text) {
        if (!type.equals("DOWNTIME")) {
            return text;
        }
        Matcher m = DOWNTIME.matcher(text);
        if (!m.find()) {
            return text;
        }
        String from = iso(m.group(2));
        String to = iso(m.group(4));
        if (from == null || to == null) {
            return text;
        }
        return text.substring(0, m.start()) + m.group(1) + from + m.group(3) + to + text.substring(m.end());
    }

    private String iso(String time) {
        try {
            return SHOWN.format(LocalDateTime.parse(time, written));
        } catch (DateTimeParseException e) {
            return null; // a strict-iso8601 time has no blank inside: left as written
        }
    }
}
