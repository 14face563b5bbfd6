package org.vigil.notify.rules;

import org.vigil.config.model.ServiceKey;

/**
 * What the dependency rules say about notifications ({@code notification_failure_criteria}): whether a failed
 * dependency blocks notifying about a host or a service. Called on the engine thread.
 */
public interface NotificationBlockers {

    /** True when a host dependency of {@code hostName} blocks its notifications now. */
    boolean hostBlocked(String hostName);

    /** True when a service dependency of {@code key} blocks its notifications now. */
    boolean serviceBlocked(ServiceKey key);

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
