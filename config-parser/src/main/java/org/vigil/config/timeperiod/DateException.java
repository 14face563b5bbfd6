package org.vigil.config.timeperiod;

import org.vigil.config.diag.SourceLocation;

/** One exception line: on the days of {@code days}, {@code times} replaces the weekday ranges. */
public record DateException(DaySpec days, TimeRanges times, SourceLocation location) implements ParsedLine {

    /** True when this line and {@code other} name the same days, which Nagios treats as the same exception. */
    boolean sameDays(DateException other) {
        return days.equals(other.days);
    }
}
