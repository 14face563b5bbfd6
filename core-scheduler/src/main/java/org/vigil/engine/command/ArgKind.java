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
    // group arguments (passive checks and event handler commands)
    /** A host group by {@code hostgroup_name}. */
    HOSTGROUP("hostgroup_name"),
    /** A service group by {@code servicegroup_name}. */
    SERVICEGROUP("servicegroup_name");

    private final String label;

    ArgKind(String label) {
        this.label = label;
    }

    /** The name the Nagios documentation gives the argument. */
    String label() {
        return label;
    }
}
