package org.vigil.config.timeperiod;

import java.time.DayOfWeek;

/** {@code monday 09:00-17:00}: the ranges of every Monday that no exception line covers. */
record WeekdayLine(DayOfWeek day, TimeRanges times) implements ParsedLine {
}
