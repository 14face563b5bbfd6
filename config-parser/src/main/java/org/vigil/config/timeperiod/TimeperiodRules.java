package org.vigil.config.timeperiod;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.diag.Diagnostics;

/**
 * The time-range lines of one timeperiod, parsed: ranges per weekday plus exception lines for particular
 * days. Immutable. Which ranges apply on a date follows Nagios: the first exception line that covers the
 * date, trying calendar dates, then month dates, month days, month week days and week days (each kind in
 * the order written), replaces that day's weekday ranges; with no such line the weekday ranges apply.
 */
public final class TimeperiodRules {

    /** Nagios prints weekdays Sunday first. */
    private static final List<DayOfWeek> NAGIOS_WEEK = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    private static final TimeRanges NO_TIME = new TimeRanges(List.of());

    private final Map<DayOfWeek, TimeRanges> weekdays;
    private final List<DateException> exceptions;
    private final List<DateException> byPrecedence;

    private TimeperiodRules(Map<DayOfWeek, TimeRanges> weekdays, List<DateException> exceptions) {
        EnumMap<DayOfWeek, TimeRanges> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(weekdays);
        this.weekdays = Collections.unmodifiableMap(copy);
        this.exceptions = List.copyOf(exceptions);
        List<DateException> sorted = new ArrayList<>(exceptions);
        sorted.sort(Comparator.comparing(e -> e.days().kind()));
        this.byPrecedence = List.copyOf(sorted);
    }

    /** Rules with no lines at all: a period that is never active. */
    public static TimeperiodRules empty() {
        return new TimeperiodRules(Map.of(), List.of());
    }

    /**
     * Rules with these weekday ranges and exception lines (in the order written, inherited ones last), as
     * {@link #weekdays()} and {@link #exceptions()} give them back; for the objects cache.
     */
    public static TimeperiodRules of(Map<DayOfWeek, TimeRanges> weekdays, List<DateException> exceptions) {
        return new TimeperiodRules(weekdays, exceptions);
    }

    /** Parses the time-range lines of one definition, reporting malformed ones to {@code diags}. */
    public static TimeperiodRules parse(List<TimeperiodDirective> directives, Diagnostics diags) {
        Map<DayOfWeek, TimeRanges> weekdays = new EnumMap<>(DayOfWeek.class);
        List<DateException> exceptions = new ArrayList<>();
        for (TimeperiodDirective d : directives) {
            String entry = EntryParser.entryText(d);
            ParsedLine line;
            try {
                line = EntryParser.parse(d);
            } catch (EntryError e) {
                diags.error(d.location(), e.describe(entry));
                continue;
            }
            if (line instanceof WeekdayLine w) {
                if (weekdays.put(w.day(), w.times()) != null) {
                    diags.warning(d.location(), MonthDays.name(w.day()) + " is set twice in this definition;"
                            + " this later line replaces the earlier one, as in Nagios");
                }
                warnIfReversed(diags, d, entry, w.times());
            } else if (line instanceof DateException x) {
                exceptions.add(x);
                warnIfReversed(diags, d, entry, x.times());
                warnIfDayNeverExists(diags, d, entry, x.days());
            }
        }
        return new TimeperiodRules(weekdays, exceptions);
    }

    private static void warnIfReversed(Diagnostics diags, TimeperiodDirective d, String entry, TimeRanges times) {
        TimeRange r = times.firstReversed();
        if (r != null) {
            diags.warning(d.location(), "timeperiod entry '" + entry + "': range " + r.text()
                    + " ends before it starts, so it never matches (expected start <= end; to cross midnight"
                    + " use two lines, e.g. HH:MM-24:00 and 00:00-HH:MM on the next day)");
        }
    }

    private static void warnIfDayNeverExists(Diagnostics diags, TimeperiodDirective d, String entry, DaySpec days) {
        if (days instanceof MonthDateRange m && m.startDay() > m.startMonth().maxLength()) {
            Month month = m.startMonth();
            diags.warning(d.location(), "timeperiod entry '" + entry + "': " + MonthDays.name(month) + " has at"
                    + " most " + month.maxLength() + " days, so this line never matches");
        }
    }

    /**
     * This definition's rules completed from {@code template}, Nagios's template rule: each weekday not set
     * here is taken from the template; each template exception whose days are not already named here is
     * appended. Nagios appends them in reverse order (it prepends to a list it later reverses), so do we, to
     * print the same cache. For {@code use a,b} call {@code inheritFrom(a).inheritFrom(b)}.
     */
    public TimeperiodRules inheritFrom(TimeperiodRules template) {
        Map<DayOfWeek, TimeRanges> merged = new EnumMap<>(DayOfWeek.class);
        merged.putAll(weekdays);
        template.weekdays.forEach(merged::putIfAbsent);
        List<DateException> all = new ArrayList<>(exceptions);
        List<DateException> inherited = new ArrayList<>(template.exceptions);
        Collections.reverse(inherited);
        for (DateException candidate : inherited) {
            if (all.stream().noneMatch(candidate::sameDays)) {
                all.add(candidate);
            }
        }
        return new TimeperiodRules(merged, all);
    }

    /** The lines as Nagios writes them to its objects cache, as {@code key -> value} pairs. */
    public List<Map.Entry<String, String>> cacheLines() {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        for (DateException x : byPrecedence) {
            lines.add(Map.entry(x.days().text(), x.times().text()));
        }
        for (DayOfWeek day : NAGIOS_WEEK) {
            TimeRanges times = weekdays.get(day);
            if (times != null) {
                lines.add(Map.entry(MonthDays.name(day), times.text()));
            }
        }
        return lines;
    }

    /** The ranges that apply on {@code date} before exclusions; empty when nothing applies. */
    public TimeRanges rangesOn(LocalDate date) {
        for (DateException x : byPrecedence) {
            if (x.days().covers(date)) {
                return x.times();
            }
        }
        return weekdays.getOrDefault(date.getDayOfWeek(), NO_TIME);
    }

    /** The ranges set for {@code day} in this definition or its templates, if any. */
    public Optional<TimeRanges> weekday(DayOfWeek day) {
        return Optional.ofNullable(weekdays.get(day));
    }

    /** The ranges of each weekday set in this definition or its templates. */
    public Map<DayOfWeek, TimeRanges> weekdays() {
        return weekdays;
    }

    /** The exception lines in the order written (inherited ones last). */
    public List<DateException> exceptions() {
        return exceptions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeperiodRules r && r.weekdays.equals(weekdays) && r.exceptions.equals(exceptions);
    }

    @Override
    public int hashCode() {
        return weekdays.hashCode() * 31 + exceptions.hashCode();
    }

    @Override
    public String toString() {
        return "TimeperiodRules" + cacheLines();
    }
}
