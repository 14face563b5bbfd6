package org.vigil.engine.downtime;

import java.time.Instant;
import java.util.function.LongPredicate;

/**
 * What Nagios refuses to schedule ({@code cmd_schedule_downtime}, {@code schedule_downtime},
 * {@code downtime_add}), with the reason Vigil gives; Nagios drops most of these silently.
 */
final class DowntimeRules {

    private DowntimeRules() {
    }

    /** Why {@code r} cannot be scheduled at {@code now}, or null. */
    static String problem(DowntimeRequest r, Instant now, LongPredicate exists) {
        if (!r.fixed() && r.duration() <= 0) {
            return "a flexible downtime (fixed 0) needs a duration above 0 seconds";
        }
        if (!r.end().isAfter(r.start())) {
            return "end time " + r.end().getEpochSecond() + " is not after start time " + r.start().getEpochSecond();
        }
        if (!r.end().isAfter(now)) {
            return "end time " + r.end().getEpochSecond() + " has already passed";
        }
        if (r.triggeredBy() != 0 && !exists.test(r.triggeredBy())) {
            return "no downtime with id " + r.triggeredBy() + " to trigger it";
        }
        return null;
    }
}
