package org.vigil.checks.macro;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How Nagios 4.4.6 formats macro values: durations, latencies, percentages, dates (per {@code date_format}). Other
 * runtime values as observed: states by name ({@code UP}, {@code CRITICAL}), state types {@code HARD}/{@code SOFT},
 * check types {@code ACTIVE}/{@code PASSIVE}, {@code YES}/{@code NO} for notifications enabled, times as epoch
 * seconds, ids and counts as integers.
 */
public final class MacroFormats {

    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private MacroFormats() {
    }

    /** {@code $HOSTDURATION$}: {@code 0d 0h 0m 12s}. */
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h " + (s % 3600 / 60) + "m " + (s % 60) + "s";
    }

    /** {@code $HOSTLATENCY$}, {@code $HOSTEXECUTIONTIME$}, {@code $HOSTPERCENTCHANGE$}: three decimals. */
    public static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** {@code $HOSTPERCENTCHANGE$}, {@code $SERVICEPERCENTCHANGE$}: two decimals (observed 0.00). */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The date macros for one instant, formatted for Nagios's {@code date_format} (us, euro, iso8601...). */
    public static String date(String macro, Instant now, ZoneId zone, String dateFormat) {
        ZonedDateTime t = now.atZone(zone);
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        return switch (macro) {
            case "TIMET" -> Long.toString(now.getEpochSecond());
            case "TIME" -> time;
            case "DATE" -> shortDate(t, dateFormat);
            case "SHORTDATETIME" -> shortDate(t, dateFormat) + ("strict-iso8601".equals(dateFormat) ? "T" : " ")
                    + time;
            case "LONGDATETIME" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                    + t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + t.getDayOfMonth() + " "
                    + time + " " + zoneName(t) + " " + t.getYear();
            default -> null;
        };
    }

    /** The zone abbreviation as C's tzname gives it: "UTC", "CET", "CEST"... */
    private static String zoneName(ZonedDateTime t) {
        ZoneId z = t.getZone().normalized();
        if (z instanceof ZoneOffset o) {
            return o.getTotalSeconds() == 0 ? "UTC" : o.getId();
        }
        return ZONE.format(t);
    }

    private static String shortDate(ZonedDateTime t, String dateFormat) {
        int y = t.getYear();
        int m = t.getMonthValue();
        int d = t.getDayOfMonth();
        return switch (dateFormat == null ? "us" : dateFormat) {
            case "euro" -> String.format(Locale.ROOT, "%02d-%02d-%04d", d, m, y);
            case "iso8601", "strict-iso8601" -> String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
            default -> String.format(Locale.ROOT, "%02d-%02d-%04d", m, d, y);
        };
    }
}
