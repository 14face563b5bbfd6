package org.vigil.web.history;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * The period of a report, named as avail.cgi's {@code timeperiod} names it ({@code last24hours}, the default,
 * {@code today}, {@code yesterday}, {@code thisweek}, {@code lastweek}, {@code last7days}, {@code thismonth},
 * {@code lastmonth}, {@code last31days}, {@code thisyear}, {@code lastyear}) or {@code custom} from {@code t1} to
 * {@code t2} (epoch seconds as avail.cgi takes them, a date, or a local date and time). Weeks start on Sunday, as
 * avail.cgi's do; the boundaries are local midnights.
 */
public record ReportPeriod(String name, long from, long until) {

    /** The names offered, in the order of avail.cgi's form. */
    public static final List<String> NAMES = List.of("today", "last24hours", "yesterday", "thisweek", "lastweek",
            "last7days", "thismonth", "lastmonth", "last31days", "thisyear", "lastyear", "custom");

    /** The period {@code name} at {@code now}; an unknown name or a bad custom time is an IllegalArgumentException. */
    public static ReportPeriod of(String name, String t1, String t2, Instant now, ZoneId zone) {
        String n = name == null || name.isBlank() ? "last24hours" : name.strip().toLowerCase(Locale.ROOT);
        long end = now.getEpochSecond();
        ZonedDateTime midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone);
        LocalDate today = midnight.toLocalDate();
        ZonedDateTime sunday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay(zone);
        ZonedDateTime month = today.withDayOfMonth(1).atStartOfDay(zone);
        ZonedDateTime year = today.withDayOfYear(1).atStartOfDay(zone);
        return switch (n) {
            case "last24hours" -> new ReportPeriod(n, end - 86400, end);
            case "today" -> new ReportPeriod(n, sec(midnight), end);
            case "yesterday" -> new ReportPeriod(n, sec(midnight.minusDays(1)), sec(midnight));
            case "thisweek" -> new ReportPeriod(n, sec(sunday), end);
            case "lastweek" -> new ReportPeriod(n, sec(sunday.minusWeeks(1)), sec(sunday));
            case "last7days" -> new ReportPeriod(n, end - 7 * 86400, end);
            case "thismonth" -> new ReportPeriod(n, sec(month), end);
            case "lastmonth" -> new ReportPeriod(n, sec(month.minusMonths(1)), sec(month));
            case "last31days" -> new ReportPeriod(n, end - 31 * 86400, end);
            case "thisyear" -> new ReportPeriod(n, sec(year), end);
            case "lastyear" -> new ReportPeriod(n, sec(year.minusYears(1)), sec(year));
            case "custom" -> custom(t1, t2, end, zone);
            default -> throw new IllegalArgumentException("timeperiod '" + name + "' is not one of "
                    + String.join(", ", NAMES));
        };
    }

    /** A period of {@code hours} hours up to {@code now} (the timelines' window). */
    public static ReportPeriod lastHours(int hours, Instant now) {
        long end = now.getEpochSecond();
        return new ReportPeriod("custom", end - hours * 3600L, end);
    }

    private static ReportPeriod custom(String t1, String t2, long now, ZoneId zone) {
        long from = t1 == null || t1.isBlank() ? now - 86400 : time("t1", t1, zone);
        long until = t2 == null || t2.isBlank() ? now : time("t2", t2, zone);
        if (until <= from) {
            throw new IllegalArgumentException("the period ends (t2 " + t2 + ") before it starts (t1 " + t1 + ")");
        }
        return new ReportPeriod("custom", from, until);
    }

    private static long time(String what, String value, ZoneId zone) {
        String v = value.strip();
        try {
            if (v.matches("[0-9]{1,12}")) {
                return Long.parseLong(v);
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay(zone).toEpochSecond();
            }
            String iso = v.replace(' ', 'T');
            if (iso.matches(".*([zZ]|[+-]\\d{2}:?\\d{2})$")) {
                return OffsetDateTime.parse(iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + what + "' is '" + value + "', not a time such as "
                    + "2026-11-25 14:30, 2026-11-25 or epoch seconds");
        }
    }

    private static long sec(ZonedDateTime t) {
        return t.toEpochSecond();
    }

    public long seconds() {
        return until - from;
    }

    public Instant fromInstant() {
        return Instant.ofEpochSecond(from);
    }

    public Instant untilInstant() {
        return Instant.ofEpochSecond(until);
    }
}
