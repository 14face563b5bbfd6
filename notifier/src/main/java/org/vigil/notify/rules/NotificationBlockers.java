package org.vigil.notify.rules;

import org.vigil.config.model.ServiceKey;

/**
 * What the engine's rules say about notifications besides the object's own state: whether a failed dependency
 * ({@code notification_failure_criteria}) blocks notifying about a host or a service, and whether a flexible
 * downtime waiting to start holds a service's notifications back. Called on the engine thread.
 */
public interface NotificationBlockers {

    /** True when a host dependency of {@code hostName} blocks its notifications now. */
    boolean hostBlocked(String hostName);

    /** True when a service dependency of {@code key} blocks its notifications now. */
    boolean serviceBlocked(ServiceKey key);

    /**
     * True when host {@code hostName} has an untriggered flexible downtime whose window is open but that has not
     * started (4.4.6's {@code is_host_in_pending_flex_downtime}: its services are not notified then).
     */
    default boolean hostFlexibleDowntimePending(String hostName) {
        return false;
    }

    /** The same for service {@code key} ({@code is_service_in_pending_flex_downtime}). */
    default boolean serviceFlexibleDowntimePending(ServiceKey key) {
        return false;
    }

    /** No dependency ever blocks. */
    NotificationBlockers NEVER = new NotificationBlockers() {
        @Override
        public boolean hostBlocked(String hostName) {
            return false;
        }

        @Override
        public boolean serviceBlocked(ServiceKey key) {
            return false;
        }
    };
}
