package org.vigil.config.timeperiod;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of one timeperiod line, every form of Nagios 4's {@code xodtemplate_parse_timeperiod_directive}:
 * a day part made of whitespace-separated words, then one list of time ranges.
 */
final class EntryParser {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private EntryParser() {
    }

    static ParsedLine parse(TimeperiodDirective directive) throws EntryError {
        String entry = entryText(directive);
        List<String> words = Arrays.asList(entry.split("\\s+"));
        int timesAt = 0;
        while (timesAt < words.size() && !words.get(timesAt).contains(":")) {
            timesAt++;
        }
        if (timesAt == words.size()) {
            throw new EntryError("missing time ranges", TimeRanges.EXPECTED);
        }
        if (timesAt < words.size() - 1) {
            throw new EntryError("time ranges must not contain spaces", TimeRanges.EXPECTED);
        }
        if (timesAt == 0) {
            throw new EntryError("missing days before the time ranges", EntryTokens.EXPECTED_DAYS);
        }
        TimeRanges times = TimeRanges.parse(words.get(timesAt));
        EntryTokens days = new EntryTokens(words.subList(0, timesAt));
        String first = days.peek();
        if (timesAt == 1 && EntryTokens.weekday(first).isPresent()) {
            return new WeekdayLine(days.weekday(), times);
        }
        return new DateException(days(days), times, directive.location());
    }

    static String entryText(TimeperiodDirective d) {
        return (d.key() + " " + d.value()).strip();
    }

    private static DaySpec days(EntryTokens t) throws EntryError {
        String first = t.peek();
        DaySpec spec;
        if (ISO_DATE.matcher(first).matches()) {
            spec = calendarDate(t);
        } else if (EntryTokens.weekday(first).isPresent()) {
            spec = weekdayBased(t);
        } else if (EntryTokens.month(first).isPresent()) {
            spec = monthDate(t);
        } else if (first.equals("day")) {
            spec = monthDay(t);
        } else {
            List<String> names = new ArrayList<>(Suggest.WEEKDAYS);
            names.addAll(Suggest.MONTHS);
            throw new EntryError("'" + first + "' is not a weekday, month, 'day' or date"
                    + Suggest.didYouMean(first, names), EntryTokens.EXPECTED_DAYS);
        }
        t.expectEnd();
        return spec;
    }

    /** {@code 2026-12-24}, {@code 2026-02-01 / 3}, {@code 2026-01-01 - 2026-03-31 [/ 7]}. */
    private static DaySpec calendarDate(EntryTokens t) throws EntryError {
        LocalDate start = isoDate(t.take("date"));
        LocalDate end = t.takeIf("-") ? isoDate(t.take("end date")) : start;
        if (end.isBefore(start)) {
            throw new EntryError("date range ends before it starts", "YYYY-MM-DD - YYYY-MM-DD, earliest first");
        }
        return new CalendarDateRange(start, end, t.skip());
    }

    private static LocalDate isoDate(String word) throws EntryError {
        Matcher m = ISO_DATE.matcher(word);
        if (!m.matches()) {
            throw new EntryError("'" + word + "' is not a date", "YYYY-MM-DD");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new EntryError("'" + word + "' is not a valid date", "YYYY-MM-DD with month 1-12 and an"
                    + " existing day");
        }
    }

    /**
     * {@code monday 2}, {@code monday 2 - 3}, {@code monday 2 - thursday 3}, {@code thursday 4 november},
     * {@code tuesday 1 april - friday 2 may}; ranges may end in {@code / N}.
     */
    private static DaySpec weekdayBased(EntryTokens t) throws EntryError {
        DayOfWeek startDay = t.weekday();
        int startOffset = t.weekdayOffset();
        if (EntryTokens.month(t.peek()).isPresent()) {
            Month startMonth = t.month();
            if (!t.takeIf("-")) {
                return new MonthWeekDayRange(startDay, startOffset, startMonth, startDay, startOffset, startMonth, 0);
            }
            DayOfWeek endDay = t.weekday();
            int endOffset = t.weekdayOffset();
            Month endMonth = t.month();
            return new MonthWeekDayRange(startDay, startOffset, startMonth, endDay, endOffset, endMonth, t.skip());
        }
        if (!t.takeIf("-")) {
            return new WeekDayRange(startDay, startOffset, startDay, startOffset, 0);
        }
        DayOfWeek endDay = EntryTokens.weekday(t.peek()).isPresent() ? t.weekday() : startDay;
        int endOffset = t.weekdayOffset();
        return new WeekDayRange(startDay, startOffset, endDay, endOffset, t.skip());
    }

    /** {@code july 4}, {@code march 3 - 5}, {@code december 25 - january 2}; ranges may end in {@code / N}. */
    private static DaySpec monthDate(EntryTokens t) throws EntryError {
        Month startMonth = t.month();
        int startDay = t.dayOfMonth();
        if (!t.takeIf("-")) {
            return new MonthDateRange(startMonth, startDay, startMonth, startDay, 0);
        }
        Month endMonth = EntryTokens.month(t.peek()).isPresent() ? t.month() : startMonth;
        int endDay = t.dayOfMonth();
        return new MonthDateRange(startMonth, startDay, endMonth, endDay, t.skip());
    }

    /** {@code day 15}, {@code day -1}, {@code day 1 - 15}, {@code day 1 - day 15}; ranges may end in {@code / N}. */
    private static DaySpec monthDay(EntryTokens t) throws EntryError {
        t.take("day");
        int startDay = t.dayOfMonth();
        if (!t.takeIf("-")) {
            return new MonthDayRange(startDay, startDay, 0);
        }
        t.takeIf("day");
        int endDay = t.dayOfMonth();
        return new MonthDayRange(startDay, endDay, t.skip());
    }
}
