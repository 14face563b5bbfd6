package org.vigil.perfdata.rrd;

/**
 * The store's figures at one moment, as {@code /metrics} shows them.
 *
 * @param queued     results waiting for the store's thread
 * @param capacity   the queue's bound
 * @param dropped    results dropped because the queue was full (the oldest went)
 * @param written    values written into round-robin files
 * @param metrics    metrics (files) the store holds
 * @param maxMetrics the bound on them
 * @param refused    values of new metrics refused because the store holds {@code maxMetrics}
 * @param skipped    values not newer than the metric's last one (two results in the same second)
 * @param errors     values that could not be written (a file that cannot be read or written)
 * @param batching   the values held in memory until their check is written
 */
public record StoreCounts(int queued, int capacity, long dropped, long written, int metrics, int maxMetrics,
                          long refused, long skipped, long errors, Batching batching) {

    /**
     * The values held until their check is written.
     *
     * @param pending    values held now
     * @param maxPending their bound (beyond it, checks are written early)
     * @param checks     checks that received values since the start
     * @param flushes    writes of a check's held values
     */
    public record Batching(long pending, long maxPending, int checks, long flushes) {
    }
}
