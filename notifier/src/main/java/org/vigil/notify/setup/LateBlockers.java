package org.vigil.notify.setup;

import org.vigil.config.model.ServiceKey;
import org.vigil.notify.rules.NotificationBlockers;

/** The blocker answers of an engine that is built after the notifier: nothing blocks until it is bound. */
final class LateBlockers implements NotificationBlockers {

    private volatile NotificationBlockers bound = NotificationBlockers.NEVER;

    void bind(NotificationBlockers b) {
        bound = b;
    }

    @Override
    public boolean hostBlocked(String hostName) {
        return bound.hostBlocked(hostName);
    }

    @Override
    public boolean serviceBlocked(ServiceKey key) {
        return bound.serviceBlocked(key);
    }

    @Override
    public boolean hostFlexibleDowntimePending(String hostName) {
        return bound.hostFlexibleDowntimePending(hostName);
    }

    @Override
    public boolean serviceFlexibleDowntimePending(ServiceKey key) {
        return bound.serviceFlexibleDowntimePending(key);
    }
}
