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
import org.vigil.model.CheckView;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/**
 * The problems at {@code /problems}: hosts and services that are checked and not UP/OK, unhandled ones first,
 * then handled ones (acknowledged or in downtime), each by severity (CRITICAL/DOWN, UNKNOWN/UNREACHABLE,
 * WARNING), then the longest in its state first.
 */
@Path("/problems")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ProblemsResource {

    /** A host problem ({@code service} null) or a service problem. */
    public record Row(String host, String service, CheckView status, HostView hostView, ServiceView serviceView) {

        public Row(String host, String service, CheckView status) {
            this(host, service, status, null, null);
        }

        /** Whether the problem is acknowledged or in downtime. */
        public boolean handled() {
            return status.handled();
        }

        /** This row with its duration as of the snapshot {@code s}. */
        Row at(StatusSnapshot s) {
            CheckView c = s.stamp(status);
            return c == status ? this : new Row(host, service, c, hostView, serviceView);
        }
    }

    /** Every problem of {@code s}, in {@link #order}, durations as of {@code s}. */
    private static List<Row> sorted(StatusSnapshot s) {
        List<Row> rows = new ArrayList<>();
        for (HostView h : s.hostsIn(List.of("PROBLEM"))) {
            rows.add(new Row(h.name(), null, h.status(), h, null));
        }
        for (ServiceView v : s.servicesIn(List.of("PROBLEM"))) {
            rows.add(new Row(v.host(), v.description(), v.status(), null, v));
        }
        rows.sort(order(s::durationOf));
        return List.copyOf(rows);
    }

    /** The order of {@code /problems}, with each problem's duration as {@code duration} gives it. */
    static Comparator<Row> order(java.util.function.ToLongFunction<CheckView> duration) {
        return Comparator.comparing((Row r) -> r.status().handled())
                .thenComparing(r -> -ListQuery.severity(r.status()))
                .thenComparing(r -> -duration.applyAsLong(r.status()))
                .thenComparing(Row::host)
                .thenComparing(r -> r.service() == null ? "" : r.service());
    }

    /** The key under which a snapshot keeps its problems in {@link #order}, durations as of {@code s}. */
    private static final Object SORTED = new Object();

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
        PageContext ctx = pages.context(sc, uri, s, Pages.REFRESH_SECONDS);
        Answers.Answer<Row> answer = Answers.of(s).get(Answers.Key.of("/problems", uri.getRequestUri().getRawQuery(),
                a.user()), () -> page(s, a, q));
        return new ListView<>("problems.ftlh", ctx, "Problems", "problems", answer, q, "problems", List.of(),
                List.of(), (page, section, canAct, fmt) -> ListRows.problems(page.items(), section.equals("handled"),
                        page.pages() <= 1, canAct, fmt));
    }

    /** The page of problems {@code q} asks for, of those {@code a} sees. */
    private static Paged<Row> page(StatusSnapshot s, Access a, ListParams q) {
        // the problems of every user are in the same order: sorted once per snapshot, then filtered per request
        List<Row> all = s.derived(SORTED, ProblemsResource::sorted);
        if (a.user().allObjects() && !q.filters()) {
            return q.page(all, all.size(), r -> r.at(s));
        }
        List<Row> rows = new ArrayList<>();
        int problems = 0;
        for (Row r : all) {
            boolean visible = r.service() == null ? a.canSee(r.hostView()) : a.canSee(r.serviceView(), s);
            if (!visible) {
                continue;
            }
            problems++;
            boolean matches = q.text == null || (r.service() == null
                    ? q.textIn(r.host(), r.hostView().displayName(), r.status().output())
                    : q.textIn(r.host(), r.service(), r.serviceView().displayName(), r.status().output()));
            if (matches && q.matches(r.status()) && (q.host == null || Lists.like(r.host(), q.host))) {
                rows.add(r);
            }
        }
        return q.page(rows, problems, r -> r.at(s));
    }

    private static Set<String> all() {
        Set<String> s = new HashSet<>(ListParams.HOST_STATES);
        s.addAll(ListParams.SERVICE_STATES);
        return Set.copyOf(s);
    }
}
