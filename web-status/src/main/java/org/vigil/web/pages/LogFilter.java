package org.vigil.web.pages;

import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.web.model.LogEntry;

/**
 * The event log page's filters, checked: {@code type} (a kind of line), {@code host}, {@code service}, {@code text}
 * (anywhere in the line, any case), {@code since}/{@code until} (a time back from now such as {@code -1h},
 * {@code -30m}, {@code -2d}, {@code -1w}, or {@code now}, {@code today}, {@code yesterday}; a local date and time as a
 * browser's {@code datetime-local} input sends it, a date, ISO-8601 with an offset, or epoch seconds) and
 * {@code page} (from 1). A bad value is a 400 saying what is expected. The raw values are kept to fill the form again.
 */
public record LogFilter(String type, String host, String service, String text, String since, String until,
                        int page, Instant sinceAt, Instant untilAt) {

    /** A time back from now: a minus, a count and a unit (seconds, minutes, hours, days, weeks). */
    static final Pattern AGO = Pattern.compile("-\\s*([0-9]{1,7})\\s*([smhdw])", Pattern.CASE_INSENSITIVE);

    /** The kinds of lines, in the order the form offers them. */
    static final Map<String, Predicate<LogEntry>> TYPES = kinds();

    private static Map<String, Predicate<LogEntry>> kinds() {
        Set<String> alerts = Set.of("HOST ALERT", "SERVICE ALERT");
        Set<String> notifications = Set.of("HOST NOTIFICATION", "SERVICE NOTIFICATION", "NOTIFICATION DELIVERY");
        Set<String> downtimes = Set.of("HOST DOWNTIME ALERT", "SERVICE DOWNTIME ALERT");
        Set<String> flapping = Set.of("HOST FLAPPING ALERT", "SERVICE FLAPPING ALERT");
        Set<String> commands = Set.of("EXTERNAL COMMAND", "PASSIVE HOST CHECK", "PASSIVE SERVICE CHECK");
        Map<String, Predicate<LogEntry>> m = new LinkedHashMap<>();
        m.put("alerts", e -> alerts.contains(e.type()));
        m.put("notifications", e -> notifications.contains(e.type()));
        m.put("downtimes", e -> downtimes.contains(e.type()));
        m.put("flapping", e -> flapping.contains(e.type()));
        m.put("commands", e -> commands.contains(e.type()));
        // the program's own lines: starts, reloads, warnings and errors, about no host or service
        m.put("program", e -> e.host() == null && !notifications.contains(e.type()) && !commands.contains(e.type()));
        return m;
    }

    /** The names {@code type} takes, for the form. */
    public List<String> types() {
        return List.copyOf(TYPES.keySet());
    }

    static LogFilter of(String type, String host, String service, String text, String since, String until,
                        String page, Clock clock) {
        String t = blankToNull(type);
        if (t != null && !TYPES.containsKey(t.toLowerCase(Locale.ROOT))) {
            throw new BadRequestException("type '" + type + "' is not one of " + String.join(", ", TYPES.keySet()));
        }
        Instant from = time("since", since, clock);
        Instant to = time("until", until, clock);
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("'until' (" + until + ") is before 'since' (" + since + ")");
        }
        int p = 1;
        if (blankToNull(page) != null) {
            try {
                p = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                p = 0;
            }
            if (p < 1) {
                throw new BadRequestException("page '" + page + "' is not a whole number from 1");
            }
        }
        return new LogFilter(t == null ? null : t.toLowerCase(Locale.ROOT), blankToNull(host), blankToNull(service),
                blankToNull(text), blankToNull(since), blankToNull(until), p, from, to);
    }

    /** Whether a line passes every filter given. */
    Predicate<LogEntry> predicate() {
        Predicate<LogEntry> kind = type == null ? e -> true : TYPES.get(type);
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        return kind.and(e -> host == null || host.equals(e.host()))
                .and(e -> service == null || service.equals(e.service()))
                .and(e -> needle == null || (e.type() + ": " + e.message()).toLowerCase(Locale.ROOT).contains(needle))
                .and(e -> sinceAt == null || !e.time().isBefore(sinceAt))
                .and(e -> untilAt == null || !e.time().isAfter(untilAt));
    }

    /** The query of this filter on another page ({@code page} from 1), for the paging links. */
    public String query(int otherPage) {
        StringBuilder sb = new StringBuilder();
        add(sb, "type", type);
        add(sb, "host", host);
        add(sb, "service", service);
        add(sb, "text", text);
        add(sb, "since", since);
        add(sb, "until", until);
        add(sb, "page", Integer.toString(otherPage));
        return "?" + sb.substring(1);
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append('&').append(name).append('=').append(Fmt.INSTANCE.url(value));
        }
    }

    private static Instant time(String name, String value, Clock clock) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        ZoneId zone = clock.getZone();
        Instant relative = relative(v, clock);
        if (relative != null) {
            return relative;
        }
        try {
            if (v.matches("[0-9]{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(v));
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            String iso = v.replace(' ', 'T');
            if (iso.matches(".*([zZ]|[+-]\\d{2}:?\\d{2})$")) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' is '" + value + "', not a time such as -1h, -30m, -2d, "
                    + "today, 2026-11-25 14:30, 2026-11-25T14:30:00Z or epoch seconds");
        }
    }

    /** A time relative to now ({@code -1h}, {@code today}...), or null when {@code v} is not one. */
    private static Instant relative(String v, Clock clock) {
        Instant now = clock.instant();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "now":
                return now;
            case "today":
                return LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
            case "yesterday":
                return LocalDate.ofInstant(now, clock.getZone()).minusDays(1).atStartOfDay(clock.getZone()).toInstant();
            default:
                break;
        }
        Matcher m = AGO.matcher(v);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        Duration unit = switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 's' -> Duration.ofSeconds(1);
            case 'm' -> Duration.ofMinutes(1);
            case 'h' -> Duration.ofHours(1);
            case 'd' -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
        return now.minus(unit.multipliedBy(n));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
