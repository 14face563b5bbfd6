package org.vigil.engine.freshness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;

/**
 * Nagios 4.4.6's freshness passes ({@code check_service_result_freshness}, {@code check_host_result_freshness}):
 * finds the objects whose last result is stale, logs Nagios's warning for each, and marks them as being
 * freshened until the forced check's result comes back. Engine thread only.
 */
public final class FreshnessChecker {

    private FreshnessSettings settings;
    private final Consumer<String> log;
    /** Nagios's {@code is_being_freshened}, by check id. */
    private final Set<String> freshening = new HashSet<>();
    private long programStart;
    private long lastProgramStop;

    public FreshnessChecker(FreshnessSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    /** Records Nagios's {@code event_start} (and {@code last_program_stop}, 0 when not known). */
    public void started(Instant programStart, Instant lastProgramStop) {
        this.programStart = programStart.getEpochSecond();
        this.lastProgramStop = lastProgramStop.getEpochSecond();
    }

    public FreshnessSettings settings() {
        return settings;
    }

    public void setSettings(FreshnessSettings settings) {
        this.settings = settings;
    }

    /**
     * One pass over hosts ({@code hosts}) or services: the targets to check now, each logged and marked as being
     * freshened. Nothing when freshness checking of that kind is off.
     */
    public List<CheckTarget> stale(List<Candidate> candidates, boolean hosts, Instant now) {
        if (hosts ? !settings.checkHosts() : !settings.checkServices()) {
            return List.of();
        }
        List<CheckTarget> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (skipped(c)) {
                continue;
            }
            Staleness s = Staleness.of(c.status(), c.config(), settings, hosts, programStart, lastProgramStop);
            if (s.staleAt(now)) {
                log.accept(warning(c.target(), s, now));
                freshening.add(c.target().id());
                out.add(c.target());
            }
        }
        return out;
    }

    /** The objects a pass leaves alone, in Nagios's order of tests. */
    private boolean skipped(Candidate c) {
        CheckableStatus<?> st = c.status();
        return !c.config().checkFreshness() || c.executing()
                || (!st.activeChecksEnabled() && !st.passiveChecksEnabled())
                || freshening.contains(c.target().id()) || !c.inCheckPeriod()
                // no automatic threshold without a regular check interval
                || (st.checkInterval() == 0 && c.config().freshnessThreshold() == 0);
    }

    /**
     * An active result of {@code target} came back: clears its freshening flag. True when the result is of a
     * freshness check and the object has become fresh meanwhile (a passive result came first): Nagios then
     * discards the forced check's result.
     */
    public boolean discardResult(Candidate c, Instant now) {
        if (!freshening.remove(c.target().id())) {
            return false;
        }
        return !Staleness.of(c.status(), c.config(), settings, c.target().isHost(), programStart, lastProgramStop)
                .staleAt(now);
    }

    /** Nagios's {@code is_being_freshened}. */
    public boolean isBeingFreshened(CheckTarget target) {
        return freshening.contains(target.id());
    }

    private static String warning(CheckTarget t, Staleness s, Instant now) {
        String times = " are stale by " + Staleness.breakdown(s.staleBy(now)) + " (threshold="
                + Staleness.breakdown(s.threshold()) + ").  I'm forcing an immediate check of the ";
        return t.isHost() ? "Warning: The results of host '" + t.hostName() + "'" + times + "host."
                : "Warning: The results of service '" + t.service().description() + "' on host '" + t.hostName()
                        + "'" + times + "service.";
    }
}
