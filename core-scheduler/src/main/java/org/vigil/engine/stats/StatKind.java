package org.vigil.engine.stats;

/**
 * What Nagios 4 counts in {@code check_statistics}, each written to status.dat's {@code programstatus} as
 * {@link #statusKey}{@code =N1,N5,N15}.
 */
public enum StatKind {
    /** A host check started from the schedule (in Nagios 4.4.6 every active host check, forced ones included). */
    ACTIVE_SCHEDULED_HOST("active_scheduled_host_check_stats"),
    /** A host state taken from the cache instead of an on-demand check (counted with {@link #CACHED_HOST}). */
    ACTIVE_ONDEMAND_HOST("active_ondemand_host_check_stats"),
    PASSIVE_HOST("passive_host_check_stats"),
    /** A service check started (in Nagios 4.4.6 every active service check). */
    ACTIVE_SCHEDULED_SERVICE("active_scheduled_service_check_stats"),
    /** Never counted by Nagios 4.4.6 (it has no on-demand service checks); written as 0 as it writes it. */
    ACTIVE_ONDEMAND_SERVICE("active_ondemand_service_check_stats"),
    PASSIVE_SERVICE("passive_service_check_stats"),
    CACHED_HOST("cached_host_check_stats"),
    /** Never counted by Nagios 4.4.6; written as 0 as it writes it. */
    CACHED_SERVICE("cached_service_check_stats"),
    /** An external command recognised (an unknown one is not counted). */
    EXTERNAL_COMMAND("external_command_stats"),
    /** Every active host check, again: Nagios 4 runs them all in parallel. */
    PARALLEL_HOST("parallel_host_check_stats"),
    /** Never counted by Nagios 4 (no serial host checks); written as 0 as it writes it. */
    SERIAL_HOST("serial_host_check_stats");

    private final String statusKey;

    StatKind(String statusKey) {
        this.statusKey = statusKey;
    }

    /** The key in status.dat's {@code programstatus} block. */
    public String statusKey() {
        return statusKey;
    }
}
