package org.vigil.notify.rules;

/**
 * Why a notification is considered: Nagios's {@code NOTIFICATION_NORMAL} (a problem or a recovery, told apart by
 * the state) and the event types that pass their own, shorter set of rules.
 */
public enum Reason {
    NORMAL, ACKNOWLEDGEMENT, FLAPPINGSTART, FLAPPINGSTOP, FLAPPINGDISABLED, DOWNTIMESTART, DOWNTIMEEND,
    DOWNTIMECANCELLED, CUSTOM;

    boolean isFlapping() {
        return this == FLAPPINGSTART || this == FLAPPINGSTOP || this == FLAPPINGDISABLED;
    }

    boolean isDowntime() {
        return this == DOWNTIMESTART || this == DOWNTIMEEND || this == DOWNTIMECANCELLED;
    }

    /** {@code $NOTIFICATIONTYPE$}: the reason's name, or PROBLEM/RECOVERY for a normal one. */
    public String type(boolean stateIsOk) {
        if (this != NORMAL) {
            return name();
        }
        return stateIsOk ? "RECOVERY" : "PROBLEM";
    }
}
