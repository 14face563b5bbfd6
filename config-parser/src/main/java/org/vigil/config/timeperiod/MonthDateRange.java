package org.vigil.config.timeperiod;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/** {@code july 4}, {@code february -1}, {@code december 25 - january 2}, {@code february 1 - march 15 / 3}. */
public record MonthDateRange(Month startMonth, int startDay, Month endMonth, int endDay, int skip)
        implements DaySpec {

    @Override
    public Kind kind() {
        return Kind.MONTH_DATE;
    }

    /**
     * Tries the occurrence starting this year and the one starting last year, so the January part of a range
     * that wraps the year end matches too (Nagios 4.4.6 looks only at this year's start and misses it).
     */
    @Override
    public boolean covers(LocalDate date) {
        for (int year = date.getYear() - 1; year <= date.getYear(); year++) {
            DateWindow w = DateWindow.wrapping(
                    MonthDays.day(YearMonth.of(year, startMonth), startDay),
                    MonthDays.endDay(YearMonth.of(year, endMonth), endDay),
                    MonthDays.endDay(YearMonth.of(year + 1, endMonth), endDay));
            if (w != null && w.covers(date, skip)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String text() {
        String s = MonthDays.name(startMonth) + " " + startDay;
        if (startMonth != endMonth || startDay != endDay) {
            s += " - " + MonthDays.name(endMonth) + " " + endDay + (skip > 1 ? " / " + skip : "");
        }
        return s;
    }
}
