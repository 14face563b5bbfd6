package org.vigil.web.pages;

import org.vigil.model.CheckView;
import org.vigil.model.HostView;
import org.vigil.model.ProblemHandling;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/**
 * One problem of {@code /problems}: a host ({@code service} null) or a service. {@code hostStatus} is set for a
 * service whose host is DOWN or UNREACHABLE: such a service is folded under its host's row, and the host's handling
 * (acknowledged, in downtime) counts as handling it.
 */
public record ProblemRow(String host, String service, CheckView status, HostView hostView, ServiceView serviceView,
                         CheckView hostStatus) {

    /** A problem without views (for ordering tests). */
    public ProblemRow(String host, String service, CheckView status) {
        this(host, service, status, null, null, null);
    }

    /** The problem of host {@code h}. */
    static ProblemRow of(HostView h) {
        return new ProblemRow(h.name(), null, h.status(), h, null, null);
    }

    /** The problem of service {@code v}, its host's status kept when that host is DOWN or UNREACHABLE. */
    static ProblemRow of(ServiceView v, StatusSnapshot s) {
        CheckView host = ProblemHandling.hostStatus(s, v);
        host = ProblemHandling.hostDown(host) ? host : null;
        return new ProblemRow(v.host(), v.description(), v.status(), null, v, host);
    }


    /** Whether this is a service on a DOWN or UNREACHABLE host (folded under the host's row when it is listed). */
    public boolean onDownHost() {
        return hostStatus != null;
    }

    /**
     * Whether the problem is handled: acknowledged or in downtime, itself or (on a down host) its host
     * ({@link ProblemHandling}, the rule of every count and filter).
     */
    public boolean handled() {
        return ProblemHandling.handled(status, hostStatus);
    }

    /**
     * How it is handled, as the {@code handled} filter names it: {@code downtime}, {@code acknowledged} (its own
     * first, then its host's) or {@code unhandled}.
     */
    String handling() {
        return ProblemHandling.of(status, hostStatus);
    }

    /** This row with its durations as of the snapshot {@code s}. */
    ProblemRow at(StatusSnapshot s) {
        CheckView c = s.stamp(status);
        return c == status ? this : new ProblemRow(host, service, c, hostView, serviceView, hostStatus);
    }
}
