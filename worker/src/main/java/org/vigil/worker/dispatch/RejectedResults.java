package org.vigil.worker.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Results that cannot be read (another key, clear text refused, not mod_gearman's text): each counted, the first
 * logged, then at most one line a minute saying how many more came, so a misconfigured worker does not flood the log.
 */
final class RejectedResults {

    static final Duration EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final DispatchLog log;
    private final DispatchStats stats;
    private Instant lastLine;
    private long unlogged;

    RejectedResults(Clock clock, DispatchLog log, DispatchStats stats) {
        this.clock = clock;
        this.log = log;
        this.stats = stats;
    }

    synchronized void reject(String queue, String why) {
        stats.rejectedResults.increment();
        String problem = "a result on queue '" + queue + "' cannot be read and was discarded: " + why
                + " (the worker's key and encryption must match module.conf's key and encryption)";
        stats.problem(problem);
        Instant now = clock.instant();
        if (lastLine != null && now.isBefore(lastLine.plus(EVERY))) {
            unlogged++;
            return;
        }
        log.line(problem + (unlogged > 0 ? "; " + unlogged + " more such results since the last line" : ""));
        lastLine = now;
        unlogged = 0;
    }
}
