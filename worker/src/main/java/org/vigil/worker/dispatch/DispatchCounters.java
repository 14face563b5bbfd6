package org.vigil.worker.dispatch;

import java.time.Instant;
import java.util.Optional;

/**
 * What the central node's dispatch has done since it started, at one moment: for the status page, {@code /metrics}
 * and the JSON API.
 *
 * @param submitted        jobs queued on gearmand
 * @param results          results read back and handed to the engine
 * @param orphaned         checks ended as orphan results (no result in time)
 * @param resubmitted      jobs submitted again (orphan checks off)
 * @param ranLocally       checks run on the central node (local groups, no queue, or the local fallback)
 * @param rejectedResults  results that could not be read (wrong key, clear text refused, garbage)
 * @param pending          checks waiting for their result now
 * @param resultLatencyMs  mean delay, over the last results, from a job's planned time to its result's arrival
 * @param unreachableSince since when no gearmand answers, empty while one does
 * @param runningLocally   whether the local fallback is on (no gearmand for {@code localFallbackAfter})
 * @param lastProblem      the last problem met (connection refused, a result read with the wrong key...), if any
 */
public record DispatchCounters(long submitted, long results, long orphaned, long resubmitted, long ranLocally,
        long rejectedResults, long pending, double resultLatencyMs, Optional<Instant> unreachableSince,
        boolean runningLocally, Optional<String> lastProblem) {
}
