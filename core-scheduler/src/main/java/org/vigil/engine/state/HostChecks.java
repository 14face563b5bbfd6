package org.vigil.engine.state;

import java.time.Instant;

/** When Nagios actually queues an on-demand ("dependency") host check it was asked for. */
final class HostChecks {

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
}
