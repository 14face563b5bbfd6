package org.vigil.web.pages;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.model.CheckView;
import org.vigil.model.ProblemHandling;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StateCounts;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.ListQuery;
import org.vigil.web.auth.Access;
import org.vigil.web.auth.WebUser;

/**
 * {@code GET /api/v1/summary[?hard_problems=N]}: what the header shows, for a page to refresh it without reloading
 * (the problem counts, the unhandled problems of the title and favicon, the clock), and with {@code hard_problems}
 * the N (at most 100) unhandled problems in a HARD state that changed last, newest first, which the browser
 * notifications compare with the ones seen before.
 */
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusSummary {

    /** The most hard problems one request may ask for. */
    static final int MAX_HARD_PROBLEMS = 100;

    /** The key of a snapshot's unhandled hard problems, newest hard change first (every user's). */
    private static final Object HARD = new Object();

    /**
     * The header's content.
     *
     * @param takenAt when the status was taken
     * @param clock the same as the header writes it, with the server's zone
     * @param unhandled unhandled problems in all
     * @param counts per problem state, unhandled and handled
     * @param hardProblems the newest unhandled hard problems, when asked for
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(Instant takenAt, String clock, int unhandled, List<HeaderCounts.Count> counts,
                         List<HardProblem> hardProblems) {
    }

    /** An unhandled problem in a HARD state since {@code since}; {@code service} null for a host. */
    public record HardProblem(String host, String service, String state, Instant since, String output) {
    }

    private final Pages pages;

    public StatusSummary(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Summary summary(@QueryParam("hard_problems") String hardProblems, @Context SecurityContext sc) {
        int n = ListQuery.integer("hard_problems", hardProblems, 0);
        if (n < 0 || n > MAX_HARD_PROBLEMS) {
            throw ApiException.badRequest("hard_problems must be 0 to " + MAX_HARD_PROBLEMS + ", not " + n);
        }
        StatusSnapshot s = pages.snapshot();
        WebUser u = pages.user(sc);
        HeaderCounts h = HeaderCounts.of(s.counts(new StateCounts.Viewer(u.allObjects(), u.contact())));
        return new Summary(s.takenAt(), Fmt.INSTANCE.clock(s.takenAt()), h.unhandled(), h.counts(),
                hardProblems == null ? null : newest(s, pages.access(sc), n));
    }

    /** The {@code n} newest unhandled hard problems of {@code s} that {@code a} sees. */
    private static List<HardProblem> newest(StatusSnapshot s, Access a, int n) {
        List<Object> all = s.derived(HARD, StatusSummary::hardProblems);
        List<HardProblem> out = new ArrayList<>(n);
        for (Object o : all) {
            if (out.size() >= n) {
                break;
            }
            if (o instanceof HostView h && a.canSee(h)) {
                out.add(new HardProblem(h.name(), null, h.status().state(), h.status().lastHardStateChange(),
                        h.status().output()));
            } else if (o instanceof ServiceView v && a.canSee(v, s)) {
                out.add(new HardProblem(v.host(), v.description(), v.status().state(),
                        v.status().lastHardStateChange(), v.status().output()));
            }
        }
        return out;
    }

    /** Every unhandled hard problem of {@code s} (host and service views), the newest hard change first. */
    private static List<Object> hardProblems(StatusSnapshot s) {
        record Found(Object view, Instant since) {
        }
        List<Found> found = new ArrayList<>();
        for (HostView h : s.hostsIn(List.of("PROBLEM"))) {
            if (hardUnhandled(h.status(), false)) {
                found.add(new Found(h, since(h.status())));
            }
        }
        for (ServiceView v : s.servicesIn(List.of("PROBLEM"))) {
            if (hardUnhandled(v.status(), ProblemHandling.handled(s, v))) {
                found.add(new Found(v, since(v.status())));
            }
        }
        found.sort(Comparator.comparing(Found::since).reversed());
        return found.stream().map(Found::view).toList();
    }

    /** Whether {@code c} is a hard problem not handled (by itself, or as {@code byHost} says by its host). */
    private static boolean hardUnhandled(CheckView c, boolean byHost) {
        return c.problem() && !c.handled() && !byHost && "HARD".equals(c.stateType());
    }

    private static Instant since(CheckView c) {
        return c.lastHardStateChange() != null ? c.lastHardStateChange() : Instant.EPOCH;
    }
}
