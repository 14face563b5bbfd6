package org.vigil.notify.rules;

import java.time.Instant;
import org.vigil.config.model.Escalation;

/**
 * Nagios 4.4.6's escalation rules: which escalations match the current notification number
 * ({@code is_valid_escalation_for_*_notification}), whether a notification is escalated, and the re-notification
 * time, which takes the shortest interval of the matching escalations ({@code get_next_*_notification_time}).
 */
final class Escalations {

    private final Periods periods;
    private final double intervalLength;

    Escalations(Periods periods, double intervalLength) {
        this.periods = periods;
        this.intervalLength = intervalLength;
    }

    /** Whether {@code e} applies to the notification {@code s} is about to send (its number already counted). */
    boolean valid(Subject s, Escalation e, NotificationOptions options, Instant now) {
        // a recovery goes to whoever was told about the problem, i.e. the previous number
        int number = s.status().currentNotificationNumber() - (s.isOk() ? 1 : 0);
        if (options.broadcast()) {
            return true;
        }
        if (e.firstNotification() > number) {
            return false;
        }
        if (e.lastNotification() != 0 && e.lastNotification() < number) {
            return false;
        }
        if (!e.options().has(s.stateLetter())) {
            return false;
        }
        return periods.inside(e.period(), now);
    }

    /** Nagios's {@code should_*_notification_be_escalated}: any escalation valid without options. */
    boolean escalated(Subject s, Instant now) {
        for (Escalation e : s.escalations()) {
            if (valid(s, e, NotificationOptions.NONE, now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next time a problem may be re-notified after a notification at {@code now}; sets
     * {@code no_more_notifications} when the interval in force is 0 (a volatile service keeps notifying).
     */
    Instant nextNotification(Subject s, Instant now) {
        double interval = intervalInForce(s, now);
        s.status().setNoMoreNotifications(interval == 0.0 && !s.isVolatile());
        return now.plusSeconds((long) (interval * intervalLength));
    }

    /** The notification interval at {@code now}: the smallest of the valid escalations', else the object's own. */
    double intervalInForce(Subject s, Instant now) {
        double interval = s.settings().interval();
        boolean found = false;
        for (Escalation e : s.escalations()) {
            // a negative interval means "use the object's own"
            if (e.notificationInterval() < 0 || !valid(s, e, NotificationOptions.NONE, now)) {
                continue;
            }
            if (!found || e.notificationInterval() < interval) {
                interval = e.notificationInterval();
                found = true;
            }
        }
        return interval;
    }
}
