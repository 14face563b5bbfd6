package org.vigil.engine.log;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * {@code log_rotation_method}: when the main log is archived. The boundaries are those of Nagios 4.4.6's
 * {@code get_next_log_rotation_time} (utils.c), in the engine's local time: the next full hour, the next
 * midnight, the midnight starting the next Sunday (seven days on when today is Sunday), the first of the next
 * month. A day that a DST change shortens or lengthens still ends at its real midnight, as Nagios's correction
 * of {@code mktime} makes it.
 */
public enum RotationMethod {
    NONE("n", null), HOURLY("h", "HOURLY"), DAILY("d", "DAILY"), WEEKLY("w", "WEEKLY"), MONTHLY("m", "MONTHLY");

    private final String letter;
    private final String label;

    RotationMethod(String letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    /** The method a {@code log_rotation_method} value names; {@link #NONE} for none or an unknown one (reported). */
    public static RotationMethod of(String value) {
        for (RotationMethod m : values()) {
            if (m.letter.equals(value == null ? "n" : value.strip())) {
                return m;
            }
        }
        return NONE;
    }

    /** The word of the {@code LOG ROTATION: ...} line. */
    public String label() {
        return label;
    }

    /** The first boundary after {@code now}; null for {@link #NONE}. */
    public Instant nextAfter(Instant now, ZoneId zone) {
        ZonedDateTime hour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone);
        switch (this) {
            case HOURLY:
                return hour.plusHours(1).toInstant();
            case DAILY:
                return nextMidnight(midnight, 1);
            case WEEKLY:
                ZonedDateTime sunday = midnight.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
                return sunday.toLocalDate().atStartOfDay(zone).toInstant();
            case MONTHLY:
                return midnight.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
            default:
                return null;
        }
    }

    private static Instant nextMidnight(ZonedDateTime midnight, int days) {
        return midnight.toLocalDate().plusDays(days).atStartOfDay(midnight.getZone()).toInstant();
    }
}
