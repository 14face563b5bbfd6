package org.vigil.notify.rules;

/**
 * Why a notification was not sent: Nagios's notification suppression reasons, in the order its viability tests
 * meet them. Kept for tests and the debug view; Nagios itself only writes them to its debug log.
 */
public enum Suppression {
    DISABLED_GLOBALLY, TIMEPERIOD, DISABLED_OBJECT, CUSTOM_IN_DOWNTIME, ACK_OF_OK_OBJECT, NO_FLAPPING_OPTION,
    FLAPPING_IN_DOWNTIME, NO_DOWNTIME_OPTION, DOWNTIME_IN_DOWNTIME, SOFT_STATE, ACKNOWLEDGED, DEPENDENCY,
    STATE_DISABLED, RECOVERY_OF_UNNOTIFIED_PROBLEM, FIRST_NOTIFICATION_DELAY, FLAPPING, NO_MORE_NOTIFICATIONS,
    HOST_DOWN, NOT_YET, IN_DOWNTIME, HOST_IN_DOWNTIME, FLEXIBLE_DOWNTIME_PENDING, HOST_FLEXIBLE_DOWNTIME_PENDING,
    NO_CONTACTS
}
