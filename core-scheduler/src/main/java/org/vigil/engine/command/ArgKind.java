package org.vigil.engine.command;

/** What one argument of an external command is, which says how it is checked and named in errors. */
enum ArgKind {
    /** A host by {@code host_name}. */
    HOST("host_name"),
    /** A host by {@code host_name} or {@code address}, as Nagios finds the host of a passive result. */
    HOST_OR_ADDRESS("host_name"),
    SERVICE("service_description"),
    /** A plugin return code: any integer, those outside 0-3 meaning UNKNOWN, as in Nagios. */
    SERVICE_CODE("return_code"),
    /** A host state: 0 (UP), 1 (DOWN) or 2 (UNREACHABLE). */
    HOST_CODE("return_code"),
    /** The plugin output: the rest of the line, semicolons included. */
    OUTPUT("plugin_output"),
    /** Seconds since the epoch. */
    TIME("check_time"),
    // downtimes (org.vigil.engine.downtime)
    HOSTGROUP("hostgroup_name"),
    SERVICEGROUP("servicegroup_name"),
    START_TIME("start_time"),
    END_TIME("end_time"),
    /** 1 for a fixed downtime, 0 for a flexible one. */
    FIXED("fixed"),
    /** The id of the downtime that triggers this one, 0 for none. */
    TRIGGER_ID("trigger_id"),
    /** Seconds a flexible downtime lasts. */
    DURATION("duration"),
    DOWNTIME_ID("downtime_id"),

    // comments and acknowledgements (org.vigil.engine.comment, org.vigil.engine.ack)
    /** An integer: 2 for a sticky acknowledgement, anything else for a normal one, as Nagios reads it. */
    STICKY("sticky"),
    /** An integer: above 0 to send an ACKNOWLEDGEMENT notification. */
    NOTIFY("notify"),
    /** An integer: above 0 to keep the comment across restarts (and after its acknowledgement). */
    PERSISTENT("persistent"),
    /** When an acknowledgement ends: seconds since the epoch, after the command's entry time. */
    ACK_END_TIME("end_time"),
    /** Any text without a semicolon, possibly empty. */
    AUTHOR("author"),
    /** The comment text: the rest of the line, semicolons included. */
    COMMENT("comment"),
    /** A comment id: a whole number from 1. */
    COMMENT_ID("comment_id"),

    // custom notifications
    /** An integer of Nagios's option bits: 1 broadcast, 2 forced, 4 increment the notification number. */
    OPTIONS("options");

    private final String label;

    ArgKind(String label) {
        this.label = label;
    }

    /** The name the Nagios documentation gives the argument. */
    String label() {
        return label;
    }
}
