package org.vigil.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.vigil.web.auth.Access;
import org.vigil.web.model.HostView;
import org.vigil.web.model.ServiceView;
import org.vigil.web.model.StateCounts;
import org.vigil.web.model.StatusSnapshot;

/**
 * The counts of the tactical overview, over what one user may see: hosts and services per state, each split
 * into unhandled, acknowledged and in downtime, plus checks in the last minute and the scheduling latency.
 */
public record Tactical(List<Count> hosts, List<Count> services, int hostTotal, int serviceTotal,
                       int checksLastMinute, double latencyP50Millis, double latencyP99Millis,
                       int disabledNotifications, int disabledChecks, int flapping) {

    /**
     * One state's count: {@code total} = {@code unhandled} + {@code acknowledged} + {@code downtime} +
     * {@code other} (OK, UP and PENDING are never "unhandled").
     */
    public record Count(String state, String kind, int total, int unhandled, int acknowledged, int downtime) {

        /** The list page of this state ({@code /hosts?state=DOWN}), with {@code handled} added when given. */
        public String link(String handled) {
            return "/" + kind + "?state=" + state + (handled == null ? "" : "&handled=" + handled);
        }
    }

    static final List<String> HOST_STATES = StateCounts.HOST_STATES;
    static final List<String> SERVICE_STATES = StateCounts.SERVICE_STATES;

    /** The counts over {@code snapshot}'s objects that {@code access} sees. */
    public static Tactical of(StatusSnapshot snapshot, Access access) {
        StateCounts.Tally tally = new StateCounts.Tally(snapshot.program().takenAt());
        for (HostView h : snapshot.hosts()) {
            if (access.canSee(h)) {
                tally.add(true, h.status());
            }
        }
        for (ServiceView s : snapshot.services()) {
            if (access.canSee(s, snapshot)) {
                tally.add(false, s.status());
            }
        }
        return of(tally.counts(snapshot.program()));
    }

    /** The overview of counts taken on the engine thread ({@code StatusReader.counts}). */
    public static Tactical of(StateCounts c) {
        return new Tactical(counts(c.hosts()), counts(c.services()), c.hostTotal(), c.serviceTotal(),
                c.checksLastMinute(), c.program().latencyP50Millis(), c.program().latencyP99Millis(),
                c.disabledNotifications(), c.disabledChecks(), c.flapping());
    }

    private static List<Count> counts(List<StateCounts.Count> in) {
        List<Count> out = new ArrayList<>(in.size());
        for (StateCounts.Count c : in) {
            out.add(new Count(c.state(), c.kind(), c.total(), c.unhandled(), c.acknowledged(), c.downtime()));
        }
        return out;
    }

    /** Problems (unhandled ones) over all states, for the page title. */
    public int unhandledProblems() {
        int n = 0;
        for (Count c : hosts) {
            n += c.unhandled();
        }
        for (Count c : services) {
            n += c.unhandled();
        }
        return n;
    }
}
