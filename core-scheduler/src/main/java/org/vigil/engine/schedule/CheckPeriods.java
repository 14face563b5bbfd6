package org.vigil.engine.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.vigil.config.timeperiod.CompiledTimeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;

/** Moves a due time into its check period, as Nagios's get_next_valid_time does. */
public final class CheckPeriods {

    private final TimeperiodSchedule schedule;

    public CheckPeriods(TimeperiodSchedule schedule) {
        this.schedule = schedule;
    }

    /**
     * The first instant at or after {@code at} inside {@code period} (null: always), or empty when the
     * period has no time within a year.
     */
    public Optional<Instant> nextValid(Instant at, String period) {
        if (period == null) {
            return Optional.of(at);
        }
        Optional<CompiledTimeperiod> tp = schedule.find(period);
        if (tp.isEmpty()) {
            return Optional.of(at);
        }
        if (tp.get().contains(at)) { // the usual answer, without a ZonedDateTime: 100,000 of these at each start
            return Optional.of(at);
        }
        ZoneId zone = schedule.zone();
        return tp.get().nextInside(at.atZone(zone)).map(t -> t.toInstant().isBefore(at) ? at : t.toInstant());
    }
}
