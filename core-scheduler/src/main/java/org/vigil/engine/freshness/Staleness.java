package org.vigil.engine.freshness;

import java.time.Instant;
import org.vigil.config.model.CheckSettings;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.StateType;

/**
 * Nagios 4.4.6's {@code is_service_result_fresh}/{@code is_host_result_fresh}: the threshold (the configured one,
 * or the automatic one: the current interval plus the latency plus {@code additional_freshness_latency}) and the
 * time the last result expires, which depends on whether there was a result at all, whether it came before this
 * program start, and whether it was passive.
 *
 * @param threshold seconds, as Nagios computes it (truncated to an int)
 * @param expires the second after which the result is stale
 */
public record Staleness(long threshold, long expires) {

    /**
     * Judges {@code status} at {@code now}; {@code programStart} is Nagios's {@code event_start},
     * {@code lastProgramStop} its {@code last_program_stop} (0 when unknown).
     */
    public static Staleness of(CheckableStatus<?> status, CheckSettings config, FreshnessSettings settings,
                               boolean host, long programStart, long lastProgramStop) {
        long threshold = config.freshnessThreshold();
        if (threshold == 0) {
            boolean regular = status.stateType() == StateType.HARD || status.currentState().isOk();
            double interval = regular ? status.checkInterval() : status.retryInterval();
            threshold = (int) (interval * settings.intervalLength() + status.latency() + settings.additionalLatency());
        }
        long lastCheck = status.lastCheck().getEpochSecond();
        int spread = host ? settings.maxHostCheckSpread() : settings.maxServiceCheckSpread();
        long expires;
        if (!status.hasBeenChecked()) {
            expires = programStart + threshold;
        } else if (status.activeChecksEnabled() && programStart > lastCheck && config.freshnessThreshold() == 0) {
            expires = programStart + threshold + (long) spread * settings.intervalLength();
        } else {
            expires = lastCheck + threshold;
        }
        // a passive result from before a long stop: the time off does not count (Nagios's golden-ratio rule)
        if (status.checkType() == CheckType.PASSIVE && lastCheck < programStart
                && programStart - lastProgramStop > threshold * 0.618) {
            expires = programStart + threshold;
        }
        return new Staleness(threshold, expires);
    }

    /** Whether the result is stale at {@code now}: its expiry is in the past. */
    public boolean staleAt(Instant now) {
        return expires < now.getEpochSecond();
    }

    /** By how many seconds the result is stale at {@code now}. */
    public long staleBy(Instant now) {
        return now.getEpochSecond() - expires;
    }

    /** Nagios's {@code get_time_breakdown} as its log writes it: {@code 0d 0h 1m 2s}. */
    public static String breakdown(long seconds) {
        long s = Math.max(0, seconds);
        return s / 86400 + "d " + s % 86400 / 3600 + "h " + s % 3600 / 60 + "m " + s % 60 + "s";
    }
}
