package org.vigil.model;

import java.time.Instant;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;

/**
 * The run-time fields of a host or service that Livestatus's columns show beyond what the pages read from a
 * {@link CheckView}: kept beside the view rather than in it, so the JSON API's objects stay as they are, and, like
 * the view, copied only when its object changed. Times are null for never.
 *
 * @param lastStateCode Nagios's code of the state before the current one
 * @param lastHardStateCode the code of the last hard state
 * @param checkType 0 for an active check result, 1 for a passive one
 * @param lastTimeIn when the object was last seen in each state, by state code (epoch seconds, 0 for never)
 */
public record CheckDetail(int lastStateCode, int lastHardStateCode, int currentNotificationNumber,
                          Instant lastNotification, Instant nextNotification, double percentStateChange,
                          boolean flapDetectionEnabled, boolean eventHandlerEnabled, boolean obsess,
                          boolean processPerformanceData, double checkInterval, double retryInterval, int checkType,
                          boolean hasBeenChecked, long currentProblemId, long lastProblemId,
                          boolean noMoreNotifications, boolean shouldBeScheduled, StateTimes lastTimeIn) {

    /** Copies {@code s}; engine thread only. */
    public static CheckDetail of(CheckableStatus<?> s) {
        return new CheckDetail(code(s.lastState()), code(s.lastHardState()), s.currentNotificationNumber(),
                set(s.lastNotification()), set(s.nextNotification()), s.percentStateChange(),
                s.flapDetectionEnabled(), s.eventHandlerEnabled(), s.obsess(), s.processPerformanceData(),
                s.checkInterval(), s.retryInterval(), s.checkType() == null ? 0 : s.checkType().code(),
                s.hasBeenChecked(), s.currentProblemId(), s.lastProblemId(), s.noMoreNotifications(),
                s.shouldBeScheduled(), lastTimes(s));
    }

    private static StateTimes lastTimes(CheckableStatus<?> s) {
        if (s instanceof HostStatus h) {
            return new StateTimes(h.lastTimeIn(HostState.UP).getEpochSecond(),
                    h.lastTimeIn(HostState.DOWN).getEpochSecond(),
                    h.lastTimeIn(HostState.UNREACHABLE).getEpochSecond(), 0);
        }
        ServiceStatus v = (ServiceStatus) s;
        return new StateTimes(v.lastTimeIn(ServiceState.OK).getEpochSecond(),
                v.lastTimeIn(ServiceState.WARNING).getEpochSecond(),
                v.lastTimeIn(ServiceState.CRITICAL).getEpochSecond(),
                v.lastTimeIn(ServiceState.UNKNOWN).getEpochSecond());
    }

    private static int code(Object state) {
        return state instanceof org.vigil.engine.state.NagiosState n ? n.code() : 0;
    }

    private static Instant set(Instant t) {
        return t == null || t.getEpochSecond() == 0 ? null : t;
    }
}
