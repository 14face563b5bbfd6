package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.auth.Access;

/**
 * The problems at {@code /problems}: hosts and services that are checked and not UP/OK, unhandled ones first, then
 * handled ones (acknowledged or in downtime), in the order of {@link ProblemOrder} (by default by severity, then
 * the most recent change first). The services of a DOWN or UNREACHABLE host are folded under its row
 * ({@link ProblemList}). {@code format=csv} gives every row the filters select as CSV.
 */
@Path("/problems")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ProblemsResource {

    static final Set<String> ALL_STATES = all();

    private final Pages pages;

    public ProblemsResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response list(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        ListParams q = ListParams.of(uri, "/problems", ALL_STATES, ProblemOrder.SORTS);
        if (q.csv) {
            return ListCsv.problems(ProblemList.select(s, a, q).rows(), s);
        }
        PageContext ctx = pages.context(sc, uri, s, Pages.REFRESH_SECONDS);
        Answers.Answer<Problem> answer = Answers.of(s).get(Answers.Key.of("/problems",
                uri.getRequestUri().getRawQuery(), a.user()), () -> page(s, a, q));
        ListView<Problem> view = new ListView<>("problems.ftlh", ctx, "Problems", "problems", answer, q, "problems",
                Lists.hostGroupNames(s, a), Lists.serviceGroupNames(s, a), (page, section, canAct, fmt) ->
                ListRows.problems(page.items(), section.equals("handled"), page.pages() <= 1, canAct, fmt,
                        Handling.of(s)));
        return Response.ok(view).build();
    }

    /** The page of problems {@code q} asks for, of those {@code a} sees. */
    private static Paged<Problem> page(StatusSnapshot s, Access a, ListParams q) {
        ProblemList.Selection sel = ProblemList.select(s, a, q);
        return q.page(sel.rows(), sel.visible(), p -> p.at(s));
    }

    private static Set<String> all() {
        Set<String> s = new HashSet<>(ListParams.HOST_STATES);
        s.addAll(ListParams.SERVICE_STATES);
        return Set.copyOf(s);
    }
}
