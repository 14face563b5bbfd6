package org.vigil.worker.dispatch;

/**
 * One gearmand queue (function) as the status page shows it, summed over the servers that answered.
 *
 * @param queue   the queue's name ({@code service}, {@code hostgroup_web}, {@code check_results}...)
 * @param total   jobs on it, running ones included (gearmand's queue depth)
 * @param waiting jobs no worker has taken yet
 * @param running jobs a worker runs now
 * @param workers connected workers that serve it
 */
public record QueueRow(String queue, long total, long waiting, long running, long workers) {

    QueueRow plus(QueueRow other) {
        return new QueueRow(queue, total + other.total, waiting + other.waiting, running + other.running,
                workers + other.workers);
    }
}
