package org.vigil.config.timeperiod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.config.graph.DepthFirst;

/**
 * One timeperiod ready to evaluate: its rules less the time of the periods it excludes (which may exclude
 * others in turn, giving time back, as in Nagios). Evaluates in local wall-clock time of a zone; ranges are
 * {@code [start, end)}. Each day's active minutes are computed once and cached.
 */
public final class CompiledTimeperiod {

    /** How far ahead nextInside/nextOutside look before answering "none". */
    static final long HORIZON_SECONDS = 366L * 86_400;
    /** Caps the per-day cache so a long-running engine does not grow it forever. */
    private static final int CACHE_LIMIT = 4096;

    private final String name;
    private final TimeperiodRules rules;
    private final ZoneId zone;
    private final List<CompiledTimeperiod> exclusions;
    private final Map<LocalDate, DayIntervals> days = new ConcurrentHashMap<>();

    /** Built by {@link TimeperiodSchedule#compile}, excluded periods first, so no exclusion cycle can exist. */
    CompiledTimeperiod(String name, TimeperiodRules rules, List<CompiledTimeperiod> exclusions, ZoneId zone) {
        this.name = name;
        this.rules = rules;
        this.exclusions = List.copyOf(exclusions);
        this.zone = zone;
    }

    public String name() {
        return name;
    }

    /** The zone {@link #contains(Instant)} evaluates in. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether {@code at} is inside the period, evaluated in the schedule's zone. */
    public boolean contains(Instant at) {
        // offset arithmetic instead of atZone(): same answer, no ZonedDateTime per call on the hot path
        long local = at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
        return active(date).containsSecond((int) Math.floorMod(local, 86_400L));
    }

    /** Whether {@code at} is inside the period, evaluated in {@code at}'s own zone. */
    public boolean contains(ZonedDateTime at) {
        return active(at.toLocalDate()).containsSecond(at.toLocalTime().toSecondOfDay());
    }

    /** The active wall-clock ranges of {@code date}, exclusions taken out. */
    public List<TimeRange> activeRanges(LocalDate date) {
        return active(date).ranges();
    }

    /** The first instant at or after {@code from} inside the period, or empty if there is none within a year. */
    public Optional<ZonedDateTime> nextInside(ZonedDateTime from) {
        if (contains(from)) {
            return Optional.of(from);
        }
        ZoneId z = from.getZone();
        long t = from.toEpochSecond();
        LocalDate first = from.toLocalDate();
        // from one day back, and one day past the first hit, for zones whose days overlap (a repeated midnight)
        for (int i = -1; i <= 367; i++) {
            long hit = earliestEndingAfter(first.plusDays(i), t, z);
            if (hit != Long.MAX_VALUE) {
                long best = Math.min(hit, earliestEndingAfter(first.plusDays(i + 1L), t, z));
                return best > t + HORIZON_SECONDS ? Optional.empty()
                        : Optional.of(ZonedDateTime.ofInstant(Instant.ofEpochSecond(best), z));
            }
        }
        return Optional.empty();
    }

    private long earliestEndingAfter(LocalDate date, long t, ZoneId z) {
        long[] iv = ZonedDay.epochIntervals(date, active(date), z);
        for (int i = 0; i < iv.length; i += 2) {
            if (iv[i + 1] > t) {
                return Math.max(iv[i], t);
            }
        }
        return Long.MAX_VALUE;
    }

    /** The first instant at or after {@code from} outside the period, or empty if it is inside for a year. */
    public Optional<ZonedDateTime> nextOutside(ZonedDateTime from) {
        if (!contains(from)) {
            return Optional.of(from);
        }
        ZoneId z = from.getZone();
        long t = from.toEpochSecond();
        long horizon = t + HORIZON_SECONDS;
        // walk from interval end to interval end: where one day's last range ends the next day's may begin
        while (t <= horizon) {
            LocalDate date = Instant.ofEpochSecond(t).atZone(z).toLocalDate();
            long end = endOfIntervalHolding(ZonedDay.epochIntervals(date, active(date), z), t);
            if (end < 0) {
                return Optional.of(ZonedDateTime.ofInstant(Instant.ofEpochSecond(t), z));
            }
            t = end;
        }
        return Optional.empty();
    }

    private static long endOfIntervalHolding(long[] iv, long t) {
        for (int i = 0; i < iv.length; i += 2) {
            if (iv[i] <= t && t < iv[i + 1]) {
                return iv[i + 1];
            }
        }
        return -1;
    }

    /** The next {@code count} moments after {@code from} where the period starts or stops, within a year each. */
    public List<Transition> transitions(ZonedDateTime from, int count) {
        List<Transition> out = new ArrayList<>();
        boolean inside = contains(from);
        ZonedDateTime t = from;
        while (out.size() < count) {
            Optional<ZonedDateTime> next = inside ? nextOutside(t) : nextInside(t);
            if (next.isEmpty()) {
                break;
            }
            inside = !inside;
            t = next.get();
            out.add(new Transition(t, inside));
        }
        return out;
    }

    DayIntervals active(LocalDate date) {
        DayIntervals cached = days.get(date);
        if (cached != null) {
            return cached;
        }
        if (exclusions.isEmpty()) {
            return computeDay(date, Map.of());
        }
        // a chain of exclusions may be thousands deep: the excluded periods' days first, on an explicit stack
        Map<CompiledTimeperiod, DayIntervals> found = new IdentityHashMap<>();
        DepthFirst.walk(this, p -> {
            DayIntervals known = found.containsKey(p) ? found.get(p) : p.days.get(date);
            if (known != null) {
                found.put(p, known);
                return false;
            }
            return true;
        }, p -> p.exclusions, p -> found.put(p, p.computeDay(date, found)));
        return found.get(this);
    }

    /** This period's day, once the days of the periods it excludes are in {@code excludedDays}. */
    private DayIntervals computeDay(LocalDate date, Map<CompiledTimeperiod, DayIntervals> excludedDays) {
        DayIntervals result = DayIntervals.of(rules.rangesOn(date));
        for (CompiledTimeperiod excluded : exclusions) {
            if (result.isEmpty()) {
                break;
            }
            result = result.minus(excludedDays.get(excluded));
        }
        if (days.size() >= CACHE_LIMIT) {
            days.clear();
        }
        days.put(date, result);
        return result;
    }

    @Override
    public String toString() {
        return "CompiledTimeperiod[" + name + "]";
    }
}
