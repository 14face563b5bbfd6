package org.vigil.model;

import java.time.Instant;
import java.util.List;

/** The program-wide status: what Nagios's {@code programstatus} block and the tactical overview show. */
public record ProgramView(String version, long pid, Instant programStart, Instant takenAt,
                          boolean notificationsEnabled, boolean executeServiceChecks, boolean executeHostChecks,
                          boolean acceptPassiveServiceChecks, boolean acceptPassiveHostChecks,
                          boolean eventHandlersEnabled, boolean flapDetectionEnabled, long checksCompleted,
                          double latencyP50Millis, double latencyP99Millis, List<String> lastRejectedReloadErrors,
                          long perfdataDropped) {

    public ProgramView {
        lastRejectedReloadErrors = List.copyOf(lastRejectedReloadErrors);
    }
}
