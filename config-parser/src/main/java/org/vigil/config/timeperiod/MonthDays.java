package org.vigil.config.timeperiod;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Resolves Nagios's day offsets ({@code 15}, {@code -1} = last, {@code thursday 4}, {@code monday -1}) in a month. */
final class MonthDays {

    private MonthDays() {
    }

    /** Day {@code day} of the month ({@code -1} is the last day), or null when the month has no such day. */
    static LocalDate day(YearMonth month, int day) {
        int n = day > 0 ? day : month.lengthOfMonth() + day + 1;
        return n >= 1 && n <= month.lengthOfMonth() ? month.atDay(n) : null;
    }

    /**
     * Like {@link #day} for the end of a range: a positive day past the month's end means its last day
     * ({@code february 1 - 30}), as in Nagios; a negative one that does not exist stays null.
     */
    static LocalDate endDay(YearMonth month, int day) {
        return day > month.lengthOfMonth() ? month.atEndOfMonth() : day(month, day);
    }

    /** The {@code offset}-th {@code weekday} of the month ({@code -1} is the last), or null if there is none. */
    static LocalDate weekday(YearMonth month, DayOfWeek weekday, int offset) {
        LocalDate d;
        if (offset > 0) {
            d = month.atDay(1).with(TemporalAdjusters.firstInMonth(weekday)).plusWeeks(offset - 1L);
        } else {
            d = month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(weekday)).plusWeeks(offset + 1L);
        }
        return YearMonth.from(d).equals(month) ? d : null;
    }

    /** Like {@link #weekday} for the end of a range: a fifth weekday that does not exist means the month's end. */
    static LocalDate endWeekday(YearMonth month, DayOfWeek weekday, int offset) {
        LocalDate d = weekday(month, weekday, offset);
        return d == null && offset > 0 ? month.atEndOfMonth() : d;
    }

    static String name(java.time.Month month) {
        return month.name().toLowerCase(Locale.ROOT);
    }

    static String name(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
