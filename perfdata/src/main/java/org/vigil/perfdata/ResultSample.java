package org.vigil.perfdata;

/**
 * One accepted check result as the metric writers need it, copied on the engine thread (the status it comes from
 * changes with the next result) and formatted later on each writer's thread.
 *
 * @param host           the host's name
 * @param service        the service's description, null for a host check
 * @param checkCommand   the check command's name, without its arguments (Icinga 2 names metrics by it)
 * @param state          the state's number (0-3 for services, 0-2 for hosts)
 * @param stateType      0 soft, 1 hard (as Icinga 2 and status.dat count them)
 * @param acknowledgement 0 none, 1 normal, 2 sticky (Icinga 2's numbers)
 * @param time           when the check ran, in seconds since the epoch
 * @param perfData       the performance data as the plugin wrote it, parsed by the writer's thread
 */
public record ResultSample(String host, String service, String checkCommand, int state, int stateType,
                           int currentAttempt, int maxAttempts, int downtimeDepth, int acknowledgement,
                           double latency, double executionTime, long time, String perfData) {

    /** True for a host check result. */
    public boolean isHost() {
        return service == null;
    }
}
