package org.vigil.engine.state;

import org.vigil.config.main.MainConfig;

/**
 * The {@code nagios.cfg} directives that steer soft/hard state logic, with Nagios's compiled-in defaults
 * (which differ from the sample {@code nagios.cfg}: there {@code log_service_retries} is 1).
 *
 * @param intervalLength seconds in one {@code check_interval} unit
 * @param cachedHostCheckHorizon seconds a host result stays fresh enough to spare an on-demand check
 */
public record StateSettings(int intervalLength, boolean logServiceRetries, boolean logHostRetries,
                            boolean logPassiveChecks, boolean logInitialStates,
                            boolean acceptPassiveServiceChecks, boolean acceptPassiveHostChecks,
                            boolean passiveHostChecksAreSoft, boolean translatePassiveHostChecks,
                            boolean useAggressiveHostChecking, boolean executeHostChecks,
                            long cachedHostCheckHorizon) {

    public static StateSettings defaults() {
        return new StateSettings(60, false, false, true, false, true, true, false, false, false, true, 15);
    }

    /** The settings {@code config} gives, Nagios's defaults where it says nothing. */
    public static StateSettings from(MainConfig config) {
        StateSettings d = defaults();
        return new StateSettings(
                integer(config, "interval_length", d.intervalLength),
                config.flag("log_service_retries", d.logServiceRetries),
                config.flag("log_host_retries", d.logHostRetries),
                config.flag("log_passive_checks", d.logPassiveChecks),
                config.flag("log_initial_states", d.logInitialStates),
                config.flag("accept_passive_service_checks", d.acceptPassiveServiceChecks),
                config.flag("accept_passive_host_checks", d.acceptPassiveHostChecks),
                config.flag("passive_host_checks_are_soft", d.passiveHostChecksAreSoft),
                config.flag("translate_passive_host_checks", d.translatePassiveHostChecks),
                config.flag("use_aggressive_host_checking", d.useAggressiveHostChecking),
                config.flag("execute_host_checks", d.executeHostChecks),
                integer(config, "cached_host_check_horizon", (int) d.cachedHostCheckHorizon));
    }

    public StateSettings withLogRetries(boolean service, boolean host) {
        return new StateSettings(intervalLength, service, host, logPassiveChecks, logInitialStates,
                acceptPassiveServiceChecks, acceptPassiveHostChecks, passiveHostChecksAreSoft,
                translatePassiveHostChecks, useAggressiveHostChecking, executeHostChecks, cachedHostCheckHorizon);
    }

    public StateSettings withPassiveHostChecks(boolean areSoft, boolean translate) {
        return new StateSettings(intervalLength, logServiceRetries, logHostRetries, logPassiveChecks,
                logInitialStates, acceptPassiveServiceChecks, acceptPassiveHostChecks, areSoft, translate,
                useAggressiveHostChecking, executeHostChecks, cachedHostCheckHorizon);
    }

    public StateSettings withAggressiveHostChecking(boolean aggressive) {
        return new StateSettings(intervalLength, logServiceRetries, logHostRetries, logPassiveChecks,
                logInitialStates, acceptPassiveServiceChecks, acceptPassiveHostChecks, passiveHostChecksAreSoft,
                translatePassiveHostChecks, aggressive, executeHostChecks, cachedHostCheckHorizon);
    }

    /** Seconds in {@code units} intervals, truncated as Nagios's {@code time_t} arithmetic truncates. */
    long seconds(double units) {
        return (long) (units * intervalLength);
    }

    private static int integer(MainConfig config, String name, int fallback) {
        // a malformed number is the loader's error to report; here it only must not break the engine
        try {
            return config.value(name).map(v -> Integer.parseInt(v.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The switches external commands change at run time ({@code START_ACCEPTING_PASSIVE_SVC_CHECKS}...). */
    public StateSettings withProgramSwitches(boolean acceptPassiveServices, boolean acceptPassiveHosts,
                                             boolean executeHosts) {
        return new StateSettings(intervalLength, logServiceRetries, logHostRetries, logPassiveChecks,
                logInitialStates, acceptPassiveServices, acceptPassiveHosts, passiveHostChecksAreSoft,
                translatePassiveHostChecks, useAggressiveHostChecking, executeHosts, cachedHostCheckHorizon);
    }
}
