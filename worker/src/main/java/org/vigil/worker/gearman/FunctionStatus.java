package org.vigil.worker.gearman;

/**
 * One line of the admin {@code status} command: a function (queue) and its counts.
 *
 * @param function         the function name
 * @param total            jobs queued on it, running ones included
 * @param running          jobs a worker is running now
 * @param availableWorkers connected workers that can do it
 */
public record FunctionStatus(String function, long total, long running, long availableWorkers) {

    /** Jobs waiting for a worker: queued but not running. */
    public long waiting() {
        return total - running;
    }
}
