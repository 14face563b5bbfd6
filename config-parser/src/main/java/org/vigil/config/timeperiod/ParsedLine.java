package org.vigil.config.timeperiod;

/** What one time-range line of a definition says: ranges for a weekday, or an exception for some days. */
sealed interface ParsedLine permits WeekdayLine, DateException {
}
