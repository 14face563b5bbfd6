package org.vigil.web.history;

/**
 * What an entry of a subject's history says, as avail.cgi's {@code AS_*} values: no data, the program's start or
 * end, a host or service state, or the start or end of a host or service downtime.
 */
public enum Archived {
    NO_DATA("undetermined"),
    PROGRAM_START("program start"),
    PROGRAM_END("program end"),
    HOST_UP("UP"),
    HOST_DOWN("DOWN"),
    HOST_UNREACHABLE("UNREACHABLE"),
    SVC_OK("OK"),
    SVC_WARNING("WARNING"),
    SVC_UNKNOWN("UNKNOWN"),
    SVC_CRITICAL("CRITICAL"),
    HOST_DOWNTIME_START("host downtime start"),
    HOST_DOWNTIME_END("host downtime end"),
    SVC_DOWNTIME_START("service downtime start"),
    SVC_DOWNTIME_END("service downtime end");

    private final String label;

    Archived(String label) {
        this.label = label;
    }

    /** The state's name as Nagios writes it ({@code UP}, {@code CRITICAL}), or what the entry is. */
    public String label() {
        return label;
    }

    /** Whether this is a host or service state (not no-data, a program entry or a downtime). */
    public boolean isState() {
        return ordinal() >= HOST_UP.ordinal() && ordinal() <= SVC_CRITICAL.ordinal();
    }

    /** The host state Nagios logs as {@code name} ({@code RECOVERY} is UP), else {@link #NO_DATA}. */
    public static Archived hostState(String name) {
        return switch (name) {
            case "UP", "RECOVERY" -> HOST_UP;
            case "DOWN" -> HOST_DOWN;
            case "UNREACHABLE" -> HOST_UNREACHABLE;
            default -> NO_DATA;
        };
    }

    /** The service state Nagios logs as {@code name} ({@code RECOVERY} is OK), else {@link #NO_DATA}. */
    public static Archived serviceState(String name) {
        return switch (name) {
            case "OK", "RECOVERY" -> SVC_OK;
            case "WARNING" -> SVC_WARNING;
            case "UNKNOWN" -> SVC_UNKNOWN;
            case "CRITICAL" -> SVC_CRITICAL;
            default -> NO_DATA;
        };
    }
}
