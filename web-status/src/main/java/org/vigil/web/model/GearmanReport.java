package org.vigil.web.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispatch of checks to gearmand (issue 20) as the web layer shows it: what the central node counted and what
 * each gearmand said at its last poll. The web layer declares it and knows nothing of the worker module; vigil-app
 * makes it from the dispatch's status ({@code org.vigil.worker.dispatch.GearmanStatus}).
 *
 * @param takenAt          when the report was made
 * @param fallback         whether checks run on this machine because no gearmand answered for the configured time
 * @param unreachableSince since when no gearmand answers the dispatch, empty while one does
 * @param counts           the dispatch's counters since it started
 * @param resultLatencyMs  mean delay from a job's planned time to its result's arrival
 * @param queues           every queue the servers reported, by name, summed over the servers that answered
 * @param servers          each gearmand, reachable or why not
 * @param lastProblem      the last problem the dispatch met, if any
 */
public record GearmanReport(Instant takenAt, boolean fallback, Optional<Instant> unreachableSince, Counts counts,
                            double resultLatencyMs, List<Queue> queues, List<Server> servers,
                            Optional<String> lastProblem) {

    public GearmanReport {
        queues = List.copyOf(queues);
        servers = List.copyOf(servers);
    }

    /**
     * The dispatch's counters.
     *
     * @param submitted       jobs queued on gearmand
     * @param results         results read back
     * @param orphaned        checks ended as orphan results
     * @param resubmitted     jobs submitted again after no result came
     * @param ranLocally      checks run on this machine (local groups, no queue, or the fallback)
     * @param rejectedResults results that could not be read
     * @param pending         checks waiting for their result now
     */
    public record Counts(long submitted, long results, long orphaned, long resubmitted, long ranLocally,
                         long rejectedResults, long pending) {
    }

    /**
     * One gearmand queue.
     *
     * @param queue   its name ({@code service}, {@code hostgroup_web}, {@code check_results}...)
     * @param total   jobs on it, running ones included
     * @param waiting jobs no worker has taken yet
     * @param running jobs a worker runs now
     * @param workers workers serving it
     */
    public record Queue(String queue, long total, long waiting, long running, long workers) {
    }

    /**
     * One gearmand at its last poll.
     *
     * @param server   {@code host:port}
     * @param problem  why it did not answer, empty when it did
     * @param polledAt when it was polled
     * @param workers  worker connections on it
     */
    public record Server(String server, Optional<String> problem, Instant polledAt, long workers) {

        /** Whether it answered. */
        public boolean up() {
            return problem.isEmpty();
        }
    }

    /** Jobs on all queues, running ones included. */
    public long queueDepth() {
        return queues.stream().mapToLong(Queue::total).sum();
    }

    /** Jobs no worker has taken yet. */
    public long jobsWaiting() {
        return queues.stream().mapToLong(Queue::waiting).sum();
    }

    /** Jobs workers run now. */
    public long jobsRunning() {
        return queues.stream().mapToLong(Queue::running).sum();
    }

    /** Worker connections on the servers that answered. */
    public long workers() {
        return servers.stream().mapToLong(Server::workers).sum();
    }

    /** Servers that answered their last poll. */
    public long serversUp() {
        return servers.stream().filter(Server::up).count();
    }
}
