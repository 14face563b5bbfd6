package org.vigil.notify.rules;

import java.time.Instant;
import java.util.Optional;
import org.vigil.config.timeperiod.CompiledTimeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;

/** The config's compiled timeperiods, answering as Nagios's {@code check_time_against_period} does. */
public final class Periods {

    private final TimeperiodSchedule schedule;

    public Periods(TimeperiodSchedule schedule) {
        this.schedule = schedule;
    }

    /** Whether {@code at} is inside period {@code name}; no period (null) means always, as in Nagios. */
    public boolean inside(String name, Instant at) {
        if (name == null) {
            return true;
        }
        // the loader rejects unknown names; a model built by hand without the period is taken as "always"
        return schedule.find(name).map(p -> p.contains(at)).orElse(true);
    }

    /** The next instant at or after {@code at} inside period {@code name}, if there is one within a year. */
    public Optional<Instant> nextInside(String name, Instant at) {
        if (name == null) {
            return Optional.of(at);
        }
        Optional<CompiledTimeperiod> p = schedule.find(name);
        if (p.isEmpty()) {
            return Optional.of(at);
        }
        return p.get().nextInside(at.atZone(schedule.zone())).map(z -> z.toInstant());
    }
}
