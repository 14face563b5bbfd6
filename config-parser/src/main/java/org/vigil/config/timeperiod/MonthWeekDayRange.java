package org.vigil.config.timeperiod;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/** {@code thursday 4 november}, {@code monday -1 may}, {@code tuesday 1 april - friday 2 may / 3}. */
public record MonthWeekDayRange(DayOfWeek startWeekday, int startOffset, Month startMonth,
        DayOfWeek endWeekday, int endOffset, Month endMonth, int skip) implements DaySpec {

    @Override
    public Kind kind() {
        return Kind.MONTH_WEEK_DAY;
    }

    /** Tries this year's and last year's occurrence, for ranges that wrap the year end. */
    @Override
    public boolean covers(LocalDate date) {
        for (int year = date.getYear() - 1; year <= date.getYear(); year++) {
            DateWindow w = DateWindow.wrapping(
                    MonthDays.weekday(YearMonth.of(year, startMonth), startWeekday, startOffset),
                    MonthDays.endWeekday(YearMonth.of(year, endMonth), endWeekday, endOffset),
                    MonthDays.endWeekday(YearMonth.of(year + 1, endMonth), endWeekday, endOffset));
            if (w != null && w.covers(date, skip)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String text() {
        String s = MonthDays.name(startWeekday) + " " + startOffset + " " + MonthDays.name(startMonth);
        if (startMonth != endMonth || startWeekday != endWeekday || startOffset != endOffset) {
            s += " - " + MonthDays.name(endWeekday) + " " + endOffset + " " + MonthDays.name(endMonth)
                    + (skip > 1 ? " / " + skip : "");
        }
        return s;
    }
}
