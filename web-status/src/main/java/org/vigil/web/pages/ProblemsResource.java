package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.web.api.ListQuery;
import org.vigil.web.auth.Access;
import org.vigil.web.model.CheckView;
import org.vigil.web.model.HostView;
import org.vigil.web.model.ServiceView;
import org.vigil.web.model.StatusSnapshot;

/**
 * The problems at {@code /problems}: hosts and services that are checked and not UP/OK, unhandled ones first,
 * then handled ones (acknowledged or in downtime), each by severity (CRITICAL/DOWN, UNKNOWN/UNREACHABLE,
 * WARNING), then the longest in its state first.
 */
@Path("/problems")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ProblemsResource {

    /** A host problem ({@code service} null) or a service problem. */
    public record Row(String host, String service, CheckView status) {

        /** Whether the problem is acknowledged or in downtime. */
        public boolean handled() {
            return status.handled();
        }
    }

    static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.status().handled())
            .thenComparing(r -> -ListQuery.severity(r.status()))
            .thenComparing(r -> -r.status().durationSeconds())
            .thenComparing(Row::host)
            .thenComparing(r -> r.service() == null ? "" : r.service());

    private static final Set<String> ALL_STATES = all();

    private final Pages pages;

    public ProblemsResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public ListView<Row> list(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        ListParams q = ListParams.of(uri, "/problems", ALL_STATES, Set.of("severity"));
        List<Row> rows = new ArrayList<>();
        int problems = 0;
        for (HostView h : s.hosts()) {
            if (h.status().problem() && a.canSee(h)) {
                problems++;
                if (q.matches(h.status()) && (q.host == null || Lists.like(h.name(), q.host))
                        && q.textIn(h.name(), h.displayName(), h.status().output())) {
                    rows.add(new Row(h.name(), null, h.status()));
                }
            }
        }
        for (ServiceView v : s.services()) {
            if (v.status().problem() && a.canSee(v, s)) {
                problems++;
                if (q.matches(v.status()) && (q.host == null || Lists.like(v.host(), q.host))
                        && q.textIn(v.host(), v.description(), v.displayName(), v.status().output())) {
                    rows.add(new Row(v.host(), v.description(), v.status()));
                }
            }
        }
        rows.sort(ORDER);
        return new ListView<>("problems.ftlh", pages.context(sc, uri, s, Pages.REFRESH_SECONDS), "Problems",
                "problems", q.page(rows, problems), q, "problems", List.of(), List.of());
    }

    private static Set<String> all() {
        Set<String> s = new HashSet<>(ListParams.HOST_STATES);
        s.addAll(ListParams.SERVICE_STATES);
        return Set.copyOf(s);
    }
}
