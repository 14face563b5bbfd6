package org.vigil.config.timeperiod;

import java.time.LocalDate;

/**
 * The "which days" half of a timeperiod exception line ({@code july 4}, {@code day -1}, {@code 2026-12-24}),
 * one record per Nagios daterange type. Record equality is Nagios's "identical daterange" test used when a
 * template's exceptions are inherited (times are not compared, the skip interval is).
 */
public sealed interface DaySpec
        permits CalendarDateRange, MonthDateRange, MonthDayRange, MonthWeekDayRange, WeekDayRange {

    /** Nagios's daterange types, in the order it tries them: the first kind with a matching line wins. */
    enum Kind { CALENDAR_DATE, MONTH_DATE, MONTH_DAY, MONTH_WEEK_DAY, WEEK_DAY }

    Kind kind();

    /** True when the line applies to {@code date}. */
    boolean covers(LocalDate date);

    /** The day part as Nagios 4.4.6 prints it in {@code objects.precache}, e.g. {@code march 3 - march 5}. */
    String text();
}
