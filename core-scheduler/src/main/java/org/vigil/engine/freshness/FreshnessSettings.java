package org.vigil.engine.freshness;

import java.time.Duration;
import org.vigil.config.main.MainConfig;

/**
 * The {@code nagios.cfg} directives of freshness checking, with Nagios 4.4.6's compiled-in defaults: service
 * freshness on, host freshness off, both checked every 60 seconds, 15 seconds of extra latency, and a check spread
 * of 30 interval units.
 *
 * @param additionalLatency {@code additional_freshness_latency}, seconds added to automatic thresholds
 * @param maxServiceCheckSpread {@code max_service_check_spread}, in {@code interval_length} units
 */
public record FreshnessSettings(boolean checkServices, boolean checkHosts, Duration serviceInterval,
                                Duration hostInterval, int additionalLatency, int intervalLength,
                                int maxServiceCheckSpread, int maxHostCheckSpread) {

    public static FreshnessSettings defaults() {
        return new FreshnessSettings(true, false, Duration.ofSeconds(60), Duration.ofSeconds(60), 15, 60, 30, 30);
    }

    /** The settings {@code main} gives; a value that is not a number keeps the default (the loader reports it). */
    public static FreshnessSettings from(MainConfig main) {
        FreshnessSettings d = defaults();
        return new FreshnessSettings(main.flag("check_service_freshness", d.checkServices),
                main.flag("check_host_freshness", d.checkHosts),
                Duration.ofSeconds(Math.max(1, integer(main, "service_freshness_check_interval", 60))),
                Duration.ofSeconds(Math.max(1, integer(main, "host_freshness_check_interval", 60))),
                integer(main, "additional_freshness_latency", d.additionalLatency),
                integer(main, "interval_length", d.intervalLength),
                integer(main, "max_service_check_spread", d.maxServiceCheckSpread),
                integer(main, "max_host_check_spread", d.maxHostCheckSpread));
    }

    /** The same settings with the program-wide switches changed (by external command or retention). */
    public FreshnessSettings withChecks(boolean services, boolean hosts) {
        return new FreshnessSettings(services, hosts, serviceInterval, hostInterval, additionalLatency,
                intervalLength, maxServiceCheckSpread, maxHostCheckSpread);
    }

    private static int integer(MainConfig main, String name, int fallback) {
        try {
            return main.value(name).map(v -> Integer.parseInt(v.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
