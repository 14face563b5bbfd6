package org.vigil.web.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.web.auth.Access;
import org.vigil.web.model.CheckView;
import org.vigil.web.model.HostView;
import org.vigil.web.model.ServiceView;
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

    static final List<String> HOST_STATES = List.of("DOWN", "UNREACHABLE", "UP", "PENDING");
    static final List<String> SERVICE_STATES = List.of("CRITICAL", "WARNING", "UNKNOWN", "OK", "PENDING");

    public static Tactical of(StatusSnapshot snapshot, Access access) {
        Instant minuteAgo = snapshot.program().takenAt().minusSeconds(60);
        Tally hosts = new Tally("hosts", HOST_STATES);
        Tally services = new Tally("services", SERVICE_STATES);
        int lastMinute = 0;
        int notificationsOff = 0;
        int checksOff = 0;
        int flapping = 0;
        for (HostView h : snapshot.hosts()) {
            if (access.canSee(h)) {
                hosts.add(h.status());
                lastMinute += recent(h.status(), minuteAgo);
                notificationsOff += h.status().notificationsEnabled() ? 0 : 1;
                checksOff += h.status().activeChecksEnabled() ? 0 : 1;
                flapping += h.status().flapping() ? 1 : 0;
            }
        }
        for (ServiceView s : snapshot.services()) {
            if (access.canSee(s, snapshot)) {
                services.add(s.status());
                lastMinute += recent(s.status(), minuteAgo);
                notificationsOff += s.status().notificationsEnabled() ? 0 : 1;
                checksOff += s.status().activeChecksEnabled() ? 0 : 1;
                flapping += s.status().flapping() ? 1 : 0;
            }
        }
        return new Tactical(hosts.counts(), services.counts(), hosts.total, services.total, lastMinute,
                snapshot.program().latencyP50Millis(), snapshot.program().latencyP99Millis(), notificationsOff,
                checksOff, flapping);
    }

    private static int recent(CheckView c, Instant since) {
        return c.lastCheck() != null && c.lastCheck().isAfter(since) ? 1 : 0;
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

    private static final class Tally {
        final String kind;
        final Map<String, int[]> byState = new LinkedHashMap<>();
        int total;

        Tally(String kind, List<String> states) {
            this.kind = kind;
            states.forEach(s -> byState.put(s, new int[4]));
        }

        void add(CheckView c) {
            int[] n = byState.computeIfAbsent(c.state(), k -> new int[4]);
            total++;
            n[0]++;
            if (c.problem()) {
                if (c.downtimeDepth() > 0) {
                    n[3]++;
                } else if (c.acknowledged()) {
                    n[2]++;
                } else {
                    n[1]++;
                }
            }
        }

        List<Count> counts() {
            List<Count> out = new ArrayList<>();
            byState.forEach((state, n) -> out.add(new Count(state, kind, n[0], n[1], n[2], n[3])));
            return out;
        }
    }
}
