package org.vigil.engine.flap;

import org.vigil.config.main.MainConfig;

/**
 * The main-config side of flap detection, with Nagios's compiled-in defaults: detection off
 * ({@code enable_flap_detection=0}), thresholds 20% (low) and 30% (high) for hosts and services alike.
 */
public record FlapConfig(boolean enabled, double lowServiceThreshold, double highServiceThreshold,
                         double lowHostThreshold, double highHostThreshold) {

    public static FlapConfig defaults() {
        return new FlapConfig(false, 20.0, 30.0, 20.0, 30.0);
    }

    /** The settings {@code main} gives, Nagios's defaults where it says nothing or a value is not a number. */
    public static FlapConfig from(MainConfig main) {
        FlapConfig d = defaults();
        return new FlapConfig(main.flag("enable_flap_detection", d.enabled),
                number(main, "low_service_flap_threshold", d.lowServiceThreshold),
                number(main, "high_service_flap_threshold", d.highServiceThreshold),
                number(main, "low_host_flap_threshold", d.lowHostThreshold),
                number(main, "high_host_flap_threshold", d.highHostThreshold));
    }

    private static double number(MainConfig main, String name, double fallback) {
        // a malformed number is the loader's error to report; here it only must not break the engine
        try {
            return main.value(name).map(v -> Double.parseDouble(v.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
