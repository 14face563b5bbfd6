package org.vigil.engine.state;

import java.time.Instant;

/** When Nagios actually queues an on-demand ("dependency") host check, and when it runs a scheduled one. */
public final class HostChecks {

    private HostChecks() {
    }

    /**
     * Nagios's {@code schedule_host_check} with {@code CHECK_OPTION_DEPENDENCY_CHECK}: not for a host
     * whose active checks are disabled, nor one checked within {@code cached_host_check_horizon}.
     */
    static boolean due(HostStatus host, Instant now, StateSettings settings) {
        return host.activeChecksEnabled()
                && !host.lastCheck().plusSeconds(settings.cachedHostCheckHorizon()).isAfter(now);
    }

    /**
     * Nagios's {@code run_async_host_check}: a host check that is not forced (scheduled, a retry among them) is
     * dropped while the host's last check is within {@code cached_host_check_horizon} of now, in whole seconds as
     * Nagios counts them.
     */
    public static boolean withinHorizon(HostStatus host, Instant now, StateSettings settings) {
        long horizon = settings.cachedHostCheckHorizon();
        return horizon > 0 && host.lastCheck().getEpochSecond() + horizon > now.getEpochSecond();
    }
}
