package org.vigil.config.timeperiod;

import java.time.LocalDate;

/**
 * {@code 2026-12-24}, {@code 2026-01-01 - 2026-03-31 / 7}. A single date with a skip
 * ({@code 2026-02-01 / 3}) has no end: every third day from then on, as in Nagios.
 */
public record CalendarDateRange(LocalDate start, LocalDate end, int skip) implements DaySpec {

    @Override
    public Kind kind() {
        return Kind.CALENDAR_DATE;
    }

    @Override
    public boolean covers(LocalDate date) {
        LocalDate last = start.equals(end) && skip > 1 ? LocalDate.MAX : end;
        return new DateWindow(start, last).covers(date, skip);
    }

    @Override
    public String text() {
        String s = iso(start);
        if (!start.equals(end)) {
            s += " - " + iso(end);
        }
        return skip > 1 ? s + " / " + skip : s;
    }

    private static String iso(LocalDate d) {
        return String.format("%d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
