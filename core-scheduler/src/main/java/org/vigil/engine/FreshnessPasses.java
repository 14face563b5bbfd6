package org.vigil.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.config.model.CheckSettings;
import org.vigil.engine.freshness.Candidate;
import org.vigil.engine.freshness.FreshnessChecker;
import org.vigil.engine.schedule.CheckPeriods;
import org.vigil.engine.state.CheckTarget;

/**
 * The freshness passes ({@code engine.freshness} holds the rules): each object judged with what only the engine
 * knows (its check running, its check period now), a stale one given a forced check. Engine thread.
 */
final class FreshnessPasses {

    private final EngineParts parts;
    private final FreshnessChecker checker;
    private final CheckPeriods periods;
    private final CheckSchedule schedule;
    private final CheckRuns runs;

    FreshnessPasses(EngineParts parts, FreshnessChecker checker, CheckPeriods periods, CheckSchedule schedule,
                    CheckRuns runs) {
        this.parts = parts;
        this.checker = checker;
        this.periods = periods;
        this.schedule = schedule;
        this.runs = runs;
    }

    FreshnessChecker checker() {
        return checker;
    }

    /** One pass of Nagios's {@code check_host_result_freshness} or {@code check_service_result_freshness}. */
    void pass(boolean hostPass) {
        Instant now = parts.clock().instant();
        List<Candidate> candidates = new ArrayList<>();
        if (hostPass) {
            parts.objects().hosts().forEach(h -> candidates.add(
                    candidate(parts.objects().hostTarget(h.name()).orElseThrow(), now)));
        } else {
            parts.objects().services().forEach(s -> parts.objects().serviceTarget(s.key())
                    .ifPresent(t -> candidates.add(candidate(t, now))));
        }
        for (CheckTarget t : checker.stale(candidates, hostPass, now)) {
            schedule.scheduleCheck(t, now, true);
            parts.retained().statusChanged(t);
        }
    }

    /** Whether a result that came back is dropped: a passive result made the object fresh while its check ran. */
    boolean discard(CheckTarget t) {
        // only a check forced by staleness can be discarded: the rest skip the candidate (its period looked up)
        if (!checker.isBeingFreshened(t)) {
            return false;
        }
        return checker.discardResult(candidate(t, parts.clock().instant()), parts.clock().instant());
    }

    private Candidate candidate(CheckTarget t, Instant now) {
        CheckSettings config = t.isHost() ? parts.model().hosts().get(t.hostName()).check()
                : parts.model().services().get(t.service()).check();
        boolean inPeriod = periods.nextValid(now, config.checkPeriod()).map(v -> !v.isAfter(now)).orElse(false);
        return new Candidate(t, parts.objects().status(t), config, runs.running(t), inPeriod);
    }
}
