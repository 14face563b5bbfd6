package org.vigil.config.cache;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.Timeperiod;
import org.vigil.config.timeperiod.CalendarDateRange;
import org.vigil.config.timeperiod.DateException;
import org.vigil.config.timeperiod.DaySpec;
import org.vigil.config.timeperiod.MonthDateRange;
import org.vigil.config.timeperiod.MonthDayRange;
import org.vigil.config.timeperiod.MonthWeekDayRange;
import org.vigil.config.timeperiod.TimeRange;
import org.vigil.config.timeperiod.TimeRanges;
import org.vigil.config.timeperiod.TimeperiodRules;
import org.vigil.config.timeperiod.WeekDayRange;

/**
 * A timeperiod in the objects cache: its weekday ranges and its exception lines (each kind of day with its own
 * fields), as {@link TimeperiodRules#of} takes them back, so the rules read back equal to those resolved.
 */
final class TimeperiodCodec {

    private TimeperiodCodec() {
    }

    static void write(CacheOut out, Timeperiod t) {
        out.str(t.name());
        out.str(t.alias());
        TimeperiodRules rules = t.rules();
        out.uint(rules.weekdays().size());
        rules.weekdays().forEach((day, times) -> {
            out.uint(day.ordinal());
            times(out, times);
        });
        ModelCodec.list(out, rules.exceptions(), (o, x) -> {
            days(o, x.days());
            times(o, x.times());
            ModelCodec.location(o, x.location());
        });
        out.strs(t.exclusions());
        ModelCodec.location(out, t.location());
    }

    static Timeperiod read(CacheIn in) {
        String name = in.str();
        String alias = in.str();
        int n = in.count();
        Map<DayOfWeek, TimeRanges> weekdays = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < n; i++) {
            weekdays.put(ModelCodec.enumOf(DayOfWeek.values(), in.uint()), times(in));
        }
        List<DateException> exceptions = ModelCodec.list(in,
                i -> new DateException(days(i), times(i), ModelCodec.location(i)));
        return new Timeperiod(name, alias, TimeperiodRules.of(weekdays, exceptions), in.strs(),
                ModelCodec.location(in));
    }

    private static void times(CacheOut out, TimeRanges t) {
        ModelCodec.list(out, t.ranges(), (o, r) -> {
            o.sint(r.startMinute());
            o.sint(r.endMinute());
        });
    }

    private static TimeRanges times(CacheIn in) {
        return new TimeRanges(ModelCodec.list(in, i -> new TimeRange(i.sint(), i.sint())));
    }

    private static void days(CacheOut out, DaySpec d) {
        out.uint(d.kind().ordinal());
        if (d instanceof CalendarDateRange c) {
            out.slong(c.start().toEpochDay());
            out.slong(c.end().toEpochDay());
            out.sint(c.skip());
        } else if (d instanceof MonthDateRange m) {
            out.uint(m.startMonth().ordinal());
            out.sint(m.startDay());
            out.uint(m.endMonth().ordinal());
            out.sint(m.endDay());
            out.sint(m.skip());
        } else if (d instanceof MonthDayRange m) {
            out.sint(m.startDay());
            out.sint(m.endDay());
            out.sint(m.skip());
        } else if (d instanceof MonthWeekDayRange m) {
            out.uint(m.startWeekday().ordinal());
            out.sint(m.startOffset());
            out.uint(m.startMonth().ordinal());
            out.uint(m.endWeekday().ordinal());
            out.sint(m.endOffset());
            out.uint(m.endMonth().ordinal());
            out.sint(m.skip());
        } else if (d instanceof WeekDayRange w) {
            out.uint(w.startWeekday().ordinal());
            out.sint(w.startOffset());
            out.uint(w.endWeekday().ordinal());
            out.sint(w.endOffset());
            out.sint(w.skip());
        } else {
            throw new IllegalArgumentException("no encoding for " + d.getClass());
        }
    }

    private static DaySpec days(CacheIn in) {
        DaySpec.Kind kind = ModelCodec.enumOf(DaySpec.Kind.values(), in.uint());
        return switch (kind) {
            case CALENDAR_DATE -> new CalendarDateRange(date(in.slong()), date(in.slong()), in.sint());
            case MONTH_DATE -> new MonthDateRange(month(in), in.sint(), month(in), in.sint(), in.sint());
            case MONTH_DAY -> new MonthDayRange(in.sint(), in.sint(), in.sint());
            case MONTH_WEEK_DAY -> new MonthWeekDayRange(weekday(in), in.sint(), month(in), weekday(in), in.sint(),
                    month(in), in.sint());
            case WEEK_DAY -> new WeekDayRange(weekday(in), in.sint(), weekday(in), in.sint(), in.sint());
        };
    }

    private static Month month(CacheIn in) {
        return ModelCodec.enumOf(Month.values(), in.uint());
    }

    private static DayOfWeek weekday(CacheIn in) {
        return ModelCodec.enumOf(DayOfWeek.values(), in.uint());
    }

    private static LocalDate date(long epochDay) {
        try {
            return LocalDate.ofEpochDay(epochDay);
        } catch (java.time.DateTimeException e) {
            throw new CacheFormatException("a date out of range");
        }
    }
}
