package org.vigil.livestatus.table;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.config.timeperiod.CompiledTimeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;

/**
 * Whether each timeperiod is active at one snapshot's time, worked out the first time a row asks and then shared
 * by every row and request of that snapshot ({@code in_check_period} on 100,000 services asks a handful of
 * periods). An unknown period counts as always active, as Nagios treats a missing one.
 */
final class PeriodStates {

    private final TimeperiodSchedule schedule;
    private final Instant at;
    private final Map<String, Boolean> active = new ConcurrentHashMap<>();

    PeriodStates(TimeperiodSchedule schedule, Instant at) {
        this.schedule = schedule;
        this.at = at;
    }

    boolean active(String name) {
        return active.computeIfAbsent(name, n -> schedule.find(n).map(p -> contains(p)).orElse(true));
    }

    private boolean contains(CompiledTimeperiod p) {
        return p.contains(at);
    }
}
