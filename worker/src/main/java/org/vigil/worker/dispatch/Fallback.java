package org.vigil.worker.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vigil.worker.gearman.ServerAddress;

/**
 * Whether gearmand answers, and the local fallback: after {@code after} with no gearmand answering, new checks run
 * on this machine (said once in the log) until one answers again (said once too). The submitter and the result
 * readers report every connection that failed or answered.
 */
final class Fallback {

    private final Optional<Duration> after;
    private final Clock clock;
    private final DispatchLog log;
    private final DispatchStats stats;
    private Instant unreachableSince;
    private String lastFailure = "";
    private volatile boolean local;

    Fallback(Optional<Duration> after, Clock clock, DispatchLog log, DispatchStats stats) {
        this.after = after;
        this.clock = clock;
        this.log = log;
        this.stats = stats;
    }

    /** A connection to a gearmand failed (refused, closed, timed out): {@code problem} says which and how. */
    synchronized void failed(String problem) {
        stats.problem(problem);
        lastFailure = problem;
        if (unreachableSince == null) {
            unreachableSince = clock.instant();
        }
    }

    /** {@code server} answered: checks go to the workers again if the fallback was on. */
    synchronized void answered(ServerAddress server) {
        unreachableSince = null;
        if (local) {
            local = false;
            log.line("gearmand at " + server + " answers again: checks go to the workers again");
        }
    }

    /** Turns the fallback on once gearmand has been away for the configured time. */
    synchronized void tick(Instant now) {
        if (local || unreachableSince == null || after.isEmpty()) {
            return;
        }
        if (!now.isBefore(unreachableSince.plus(after.get()))) {
            local = true;
            log.line("no gearmand answered for " + after.get().toMillis() / 1000.0 + " s (" + lastFailure
                    + "): checks run on this machine until gearmand answers");
        }
    }

    /** Whether new checks run here because gearmand stayed away. */
    boolean runningLocally() {
        return local;
    }

    synchronized Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }
}
