/**
 * Nagios timeperiods: the grammar of their time-range lines ({@link org.vigil.config.timeperiod.TimeperiodRules}),
 * and their evaluation in a zone ({@link org.vigil.config.timeperiod.TimeperiodSchedule},
 * {@link org.vigil.config.timeperiod.CompiledTimeperiod}).
 *
 * <p>Deliberate differences from Nagios 4.4.6 (for docs/compatibility.md):
 * <ul>
 * <li>Ranges are half-open: {@code 09:00-17:00} ends at 17:00:00. Nagios's check_time_against_period counts the
 *     end second as inside (so {@code 00:00-00:00} holds midnight) while its next-invalid-time search answers
 *     end + 60 s.</li>
 * <li>Ranges are wall-clock times on every day. Nagios adds the range's seconds to the day's midnight, so on a
 *     DST day the ranges after the change are shifted by an hour ({@code 09:00} becomes 10:00 local).</li>
 * <li>Ranges that wrap the year end ({@code december 25 - january 2}, {@code friday -1 december - monday 1
 *     january}) match on both sides of it; Nagios resolves the start in the current year only and so misses
 *     the January part. A skip counts from the range's start also when the range runs into the next month.</li>
 * <li>An end day past the month's end ({@code february 1 - 30}) is clamped to the month's last day of the same
 *     year; Nagios first moves the invalid end into the next year, making the range last a year.</li>
 * <li>Errors where Nagios silently accepts a line that never matches or means something else: minute above 59
 *     (Nagios carries it into the hour), day of month 0 or beyond 31, weekday offset 0 or beyond 5 (Nagios
 *     clamps 6 to 5), dates that do not exist such as {@code 2027-02-30} (mktime turns it into 2 March),
 *     month 13, a calendar range that ends before it starts, skip {@code / 0}, text glued to a time range
 *     ({@code 09:00-17:00x}). Warnings for reversed ranges ({@code 17:00-09:00}), a month day that never
 *     exists ({@code june 31}) and a weekday set twice (the later line wins, as in Nagios).</li>
 * <li>Exclusion cycles and unknown excluded names are reported; the offending exclusion is ignored.</li>
 * <li>Searches look 366 days ahead and answer "none"; Nagios gives up after 300 steps and returns the time it
 *     was asked about.</li>
 * </ul>
 */
package org.vigil.config.timeperiod;
