package org.vigil.notify.delivery;

/** Nagios's notification types, as $NOTIFICATIONTYPE$ spells them. */
public enum NotificationType {
    PROBLEM,
    RECOVERY,
    ACKNOWLEDGEMENT,
    FLAPPINGSTART,
    FLAPPINGSTOP,
    FLAPPINGDISABLED,
    DOWNTIMESTART,
    DOWNTIMEEND,
    DOWNTIMECANCELLED,
    CUSTOM;

    /** Whether this type ends an incident on a pager (Nagios's RECOVERY; the others open or annotate one). */
    public boolean resolves() {
        return this == RECOVERY;
    }
}
