package org.vigil.config.timeperiod;

import java.time.LocalDate;
import java.time.YearMonth;

/** {@code day 15}, {@code day -1} (last day of every month), {@code day 1 - 15 / 3}. */
public record MonthDayRange(int startDay, int endDay, int skip) implements DaySpec {

    @Override
    public Kind kind() {
        return Kind.MONTH_DAY;
    }

    /** A range like {@code day 25 - 5} runs into the next month, so last month's occurrence is tried too. */
    @Override
    public boolean covers(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        for (YearMonth m = month.minusMonths(1); !m.isAfter(month); m = m.plusMonths(1)) {
            DateWindow w = DateWindow.wrapping(MonthDays.day(m, startDay), MonthDays.endDay(m, endDay),
                    MonthDays.endDay(m.plusMonths(1), endDay));
            if (w != null && w.covers(date, skip)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String text() {
        String s = "day " + startDay;
        if (startDay != endDay) {
            s += " - " + endDay + (skip > 1 ? " / " + skip : "");
        }
        return s;
    }
}
