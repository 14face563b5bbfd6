package org.vigil.config.model;

/**
 * How and when a host or service is checked.
 *
 * @param initialState the state letter Nagios assumes before the first check ({@code o}, {@code d}, ...)
 * @param checkInterval in units of {@code interval_length}
 */
public record CheckSettings(String checkCommand, String checkPeriod, char initialState, int maxCheckAttempts,
                            double checkInterval, double retryInterval, boolean activeChecksEnabled,
                            boolean passiveChecksEnabled, boolean obsess, boolean checkFreshness,
                            int freshnessThreshold, String eventHandler, boolean eventHandlerEnabled,
                            boolean processPerfData) {
}
