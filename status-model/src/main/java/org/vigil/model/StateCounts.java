package org.vigil.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The tactical overview's numbers over what one user may see: hosts and services per state, each split into
 * unhandled, acknowledged and in downtime, plus checks in the last minute and objects with notifications or
 * active checks off or flapping. Counted from a {@link StatusSnapshot}'s views, once per snapshot and viewer
 * ({@link StatusSnapshot#counts}).
 */
public record StateCounts(List<Count> hosts, List<Count> services, int hostTotal, int serviceTotal,
                          int checksLastMinute, int disabledNotifications, int disabledChecks, int flapping,
                          ProgramView program) {

    /**
     * One state's count: {@code total} = {@code unhandled} + {@code acknowledged} + {@code downtime} + the rest
     * (OK, UP and PENDING are never "unhandled"); a problem is split as {@link ProblemHandling} says (a service on
     * an acknowledged DOWN host counts as acknowledged).
     */
    public record Count(String state, String kind, int total, int unhandled, int acknowledged, int downtime) {

        /** The list page of this state ({@code /hosts?state=DOWN}), with {@code handled} added when given. */
        public String link(String handled) {
            return "/" + kind + "?state=" + state + (handled == null ? "" : "&handled=" + handled);
        }
    }

    /** Problems not acknowledged and not in downtime, over all states. */
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

    /** Counts {@code snapshot}'s hosts and services that pass {@code host} and {@code service}. */
    public static StateCounts of(StatusSnapshot snapshot, Predicate<HostView> host, Predicate<ServiceView> service) {
        Tally tally = new Tally(snapshot.program().takenAt());
        for (HostView h : snapshot.hosts()) {
            if (host.test(h)) {
                tally.add(true, h.status());
            }
        }
        List<ServiceView> services = snapshot.services();
        for (int i = 0; i < services.size(); i++) {
            ServiceView s = services.get(i);
            if (service.test(s)) {
                tally.add(s.status(), snapshot.hosts().get(snapshot.hostPositionOfService(i)).status());
            }
        }
        return tally.counts(snapshot.program());
    }

    public static final List<String> HOST_STATES = List.of("DOWN", "UNREACHABLE", "UP", "PENDING");
    public static final List<String> SERVICE_STATES = List.of("CRITICAL", "WARNING", "UNKNOWN", "OK", "PENDING");

    /** Who is counting: everything, or what one contact sees (as {@code org.vigil.web.auth.Access} decides). */
    public record Viewer(boolean allObjects, String contact) {

        /** A viewer of all objects is the same whoever it is: its counts are shared. */
        public Viewer {
            contact = allObjects ? null : contact;
        }
    }

    /** Adds objects one at a time, from views or from the engine's statuses. */
    private static final class Tally {
        private final Instant minuteAgo;
        private final Map<String, int[]> hosts = new LinkedHashMap<>();
        private final Map<String, int[]> services = new LinkedHashMap<>();
        private int hostTotal;
        private int serviceTotal;
        private int lastMinute;
        private int notificationsOff;
        private int checksOff;
        private int flapping;

        Tally(Instant now) {
            this.minuteAgo = now.minusSeconds(60);
            HOST_STATES.forEach(s -> hosts.put(s, new int[4]));
            SERVICE_STATES.forEach(s -> services.put(s, new int[4]));
        }

        /** One host or service ({@code host} says which) in {@code state}, handled as {@code handling} says. */
        void add(boolean host, String state, String handling, Instant lastCheck, boolean notificationsEnabled,
                 boolean activeChecks, boolean flaps) {
            int[] n = (host ? hosts : services).computeIfAbsent(state, k -> new int[4]);
            if (host) {
                hostTotal++;
            } else {
                serviceTotal++;
            }
            n[0]++;
            if (handling != null) {
                n[handling.equals(ProblemHandling.DOWNTIME) ? 3 : handling.equals(ProblemHandling.ACKNOWLEDGED) ? 2
                        : 1]++;
            }
            lastMinute += lastCheck != null && lastCheck.getEpochSecond() != 0 && lastCheck.isAfter(minuteAgo) ? 1 : 0;
            notificationsOff += notificationsEnabled ? 0 : 1;
            checksOff += activeChecks ? 0 : 1;
            flapping += flaps ? 1 : 0;
        }

        void add(boolean host, CheckView c) {
            add(host, c.state(), ProblemHandling.of(c, null), c.lastCheck(), c.notificationsEnabled(),
                    c.activeChecksEnabled(), c.flapping());
        }

        /** A service whose host's status is {@code host}. */
        void add(CheckView c, CheckView host) {
            add(false, c.state(), ProblemHandling.of(c, host), c.lastCheck(), c.notificationsEnabled(),
                    c.activeChecksEnabled(), c.flapping());
        }

        StateCounts counts(ProgramView program) {
            return new StateCounts(list(hosts, "hosts"), list(services, "services"), hostTotal, serviceTotal,
                    lastMinute, notificationsOff, checksOff, flapping, program);
        }

        private static List<Count> list(Map<String, int[]> byState, String kind) {
            List<Count> out = new ArrayList<>(byState.size());
            byState.forEach((state, n) -> out.add(new Count(state, kind, n[0], n[1], n[2], n[3])));
            return out;
        }
    }

    /**
     * Counts what {@code viewer} sees in {@code s}: every object, or the objects of the viewer's contact only
     * (through the snapshot's contact index).
     */
    static StateCounts count(StatusSnapshot s, Viewer viewer) {
        Tally t = new Tally(s.takenAt());
        List<HostView> hosts = s.hosts();
        List<ServiceView> services = s.services();
        if (viewer.allObjects()) {
            hosts.forEach(h -> t.add(true, h.status()));
            for (int i = 0; i < services.size(); i++) {
                t.add(services.get(i).status(), hosts.get(s.hostPositionOfService(i)).status());
            }
        } else if (viewer.contact() != null) {
            s.hostsOfContact(viewer.contact()).forEach(h -> t.add(true, h.status()));
            for (int i : s.servicePositionsOfContact(viewer.contact())) {
                t.add(services.get(i).status(), hosts.get(s.hostPositionOfService(i)).status());
            }
        }
        return t.counts(s.program());
    }
}
