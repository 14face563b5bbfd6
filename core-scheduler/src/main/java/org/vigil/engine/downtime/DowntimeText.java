package org.vigil.engine.downtime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The text of the comment Nagios adds for a downtime (observed with nagios4 4.4.6; two spaces after each
 * sentence), with times as its {@code SHORT_DATE_TIME} in the configured {@code date_format} and zone.
 */
public final class DowntimeText {

    private final DateTimeFormatter times;

    private DowntimeText(DateTimeFormatter times) {
        this.times = times;
    }

    /** For {@code date_format} ({@code us}, {@code euro}, {@code iso8601}, {@code strict-iso8601}) in {@code zone}. */
    public static DowntimeText of(String dateFormat, ZoneId zone) {
        String pattern = switch (dateFormat == null ? "us" : dateFormat.strip().toLowerCase(Locale.ROOT)) {
            case "euro" -> "dd-MM-yyyy HH:mm:ss";
            case "iso8601" -> "yyyy-MM-dd HH:mm:ss";
            case "strict-iso8601" -> "yyyy-MM-dd'T'HH:mm:ss";
            default -> "MM-dd-yyyy HH:mm:ss";
        };
        return new DowntimeText(DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(zone));
    }

    /** "This service has been scheduled for fixed downtime from ... to ...  Notifications ..." and the flexible form. */
    String comment(Downtime d) {
        String type = d.isHost() ? "host" : "service";
        String from = times.format(d.start());
        String to = times.format(d.end());
        if (d.fixed()) {
            return "This " + type + " has been scheduled for fixed downtime from " + from + " to " + to
                    + ".  Notifications for the " + type + " will not be sent out during that time period.";
        }
        long hours = d.duration() / 3600;
        long minutes = (d.duration() - hours * 3600) / 60;
        return "This " + type + " has been scheduled for flexible downtime starting between " + from + " and " + to
                + " and lasting for a period of " + hours + " hours and " + minutes + " minutes.  Notifications for the "
                + type + " will not be sent out during that time period.";
    }

    String format(Instant t) {
        return times.format(t);
    }
}
