package org.vigil.model;

/**
 * The one rule of whether, and how, a problem is handled, which every surface applies (the header's counts and the
 * overview, {@code /problems}, the {@code handled} and {@code state=unhandled} filters of the lists and the JSON
 * API, the API's {@code handled} field, the summary, the title and favicon, {@code /metrics}): a host or service
 * that is checked and not UP/OK is handled when it is in scheduled downtime or acknowledged; a service is also
 * handled when its host is DOWN or UNREACHABLE and that host is in downtime or acknowledged (the host's problem
 * covers its services; Nagios's tac.cgi shows such services apart, "on problem hosts"). How: its own downtime
 * first, then its own acknowledgement, then its host's downtime, then its host's acknowledgement.
 */
public final class ProblemHandling {

    public static final String DOWNTIME = "downtime";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String UNHANDLED = "unhandled";

    private ProblemHandling() {
    }

    /** Whether a host state takes its services' problems with it (DOWN or UNREACHABLE, soft or hard). */
    public static boolean hostDown(CheckView host) {
        return host != null && host.problem() && (host.state().equals("DOWN") || host.state().equals("UNREACHABLE"));
    }

    /**
     * How the problem of {@code own} is handled: {@link #DOWNTIME}, {@link #ACKNOWLEDGED} or {@link #UNHANDLED};
     * null when it is no problem. {@code host} is a service's host's status (null for a host, or not known).
     */
    public static String of(CheckView own, CheckView host) {
        if (!own.problem()) {
            return null;
        }
        String mine = own.downtimeDepth() > 0 ? DOWNTIME : own.acknowledged() ? ACKNOWLEDGED : UNHANDLED;
        if (!UNHANDLED.equals(mine) || !hostDown(host)) {
            return mine;
        }
        return host.downtimeDepth() > 0 ? DOWNTIME : host.acknowledged() ? ACKNOWLEDGED : UNHANDLED;
    }

    /** How the problem of service {@code v} of snapshot {@code s} is handled ({@link #of(CheckView, CheckView)}). */
    public static String of(StatusSnapshot s, ServiceView v) {
        return of(v.status(), v.status().problem() ? hostStatus(s, v) : null);
    }

    /** Whether the problem of {@code own} (with its host's status {@code host}, or null) is handled. */
    public static boolean handled(CheckView own, CheckView host) {
        String h = of(own, host);
        return h != null && !UNHANDLED.equals(h);
    }

    /** Whether the problem of service {@code v} of snapshot {@code s} is handled. */
    public static boolean handled(StatusSnapshot s, ServiceView v) {
        String h = of(s, v);
        return h != null && !UNHANDLED.equals(h);
    }

    /** The status of {@code v}'s host in {@code s}; null when the host is not in it. */
    public static CheckView hostStatus(StatusSnapshot s, ServiceView v) {
        int at = s.hostPosition(v.host());
        return at < 0 ? null : s.hosts().get(at).status();
    }
}
