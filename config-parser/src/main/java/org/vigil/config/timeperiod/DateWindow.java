package org.vigil.config.timeperiod;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One concrete occurrence of a recurring day range, both ends included, with its "every N days" skip. */
record DateWindow(LocalDate start, LocalDate end) {

    /** Skips count whole calendar days from {@code start}, as Nagios does, so DST days do not shift them. */
    boolean covers(LocalDate date, int skip) {
        if (date.isBefore(start) || date.isAfter(end)) {
            return false;
        }
        return skip <= 1 || ChronoUnit.DAYS.between(start, date) % skip == 0;
    }

    /**
     * The occurrence that starts at {@code start} and ends at {@code endHere}, or at {@code endNext} (the end
     * resolved in the following month or year) when the range wraps, like {@code december 25 - january 2}.
     * Null when a needed end does not exist.
     */
    static DateWindow wrapping(LocalDate start, LocalDate endHere, LocalDate endNext) {
        if (start == null || endHere == null) {
            return null;
        }
        if (!endHere.isBefore(start)) {
            return new DateWindow(start, endHere);
        }
        return endNext == null ? null : new DateWindow(start, endNext);
    }
}
