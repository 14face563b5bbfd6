package org.vigil.config.timeperiod;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/** {@code monday 2} (second Monday of every month), {@code monday 2 - thursday 3 / 2}, {@code friday -1}. */
public record WeekDayRange(DayOfWeek startWeekday, int startOffset, DayOfWeek endWeekday, int endOffset, int skip)
        implements DaySpec {

    @Override
    public Kind kind() {
        return Kind.WEEK_DAY;
    }

    /** Tries this month's and last month's occurrence, for ranges that run into the next month. */
    @Override
    public boolean covers(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        for (YearMonth m = month.minusMonths(1); !m.isAfter(month); m = m.plusMonths(1)) {
            DateWindow w = DateWindow.wrapping(MonthDays.weekday(m, startWeekday, startOffset),
                    MonthDays.endWeekday(m, endWeekday, endOffset),
                    MonthDays.endWeekday(m.plusMonths(1), endWeekday, endOffset));
            if (w != null && w.covers(date, skip)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String text() {
        String s = MonthDays.name(startWeekday) + " " + startOffset;
        if (startWeekday != endWeekday || startOffset != endOffset) {
            s += " - " + MonthDays.name(endWeekday) + " " + endOffset + (skip > 1 ? " / " + skip : "");
        }
        return s;
    }
}
