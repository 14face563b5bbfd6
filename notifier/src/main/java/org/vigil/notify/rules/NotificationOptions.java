package org.vigil.notify.rules;

/**
 * The options of a custom notification ({@code SEND_CUSTOM_SVC_NOTIFICATION;...;options;...}), as Nagios's bits:
 * 1 broadcast (escalated and normal contacts alike), 2 forced (every rule skipped), 4 increment the number.
 */
public record NotificationOptions(boolean broadcast, boolean forced, boolean increment) {

    public static final NotificationOptions NONE = new NotificationOptions(false, false, false);

    /** Reads Nagios's option bits; bits it does not know are ignored, as Nagios does. */
    public static NotificationOptions fromBits(int bits) {
        return new NotificationOptions((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    }
}
