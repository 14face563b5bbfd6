package org.vigil.checks.result;

import java.time.Duration;
import java.time.Instant;
import org.vigil.checks.output.PluginOutput;

/**
 * One active check's outcome as Nagios 4.4.6 records it.
 *
 * @param exit what Nagios acts on, for hosts as for services: timeouts, failed starts and out-of-bounds codes
 *        already replaced; the engine turns a host's exit into a host state
 * @param returnCode the plugin's exit status as received (before Nagios's bounds checks)
 * @param output status text, long output and perfdata, with Nagios's replacement texts where it uses them
 * @param timedOut true when the plugin was killed at the timeout (Nagios's {@code early_timeout})
 */
public record CheckResult(PluginExit exit, int returnCode, PluginOutput output, Instant start, Instant end,
                          boolean timedOut) {

    /** Nagios's {@code execution_time}. */
    public Duration executionTime() {
        return Duration.between(start, end);
    }

    public double executionSeconds() {
        return executionTime().toNanos() / 1e9;
    }
}
