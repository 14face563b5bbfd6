package org.vigil.web.pages;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.web.api.ActionResource;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.StatusResource;
import org.vigil.web.auth.AuthContext;
import org.vigil.web.auth.Sessions;
import org.vigil.web.auth.WebUser;

/**
 * {@code /actions}, the pages' cmd.cgi: GET shows the form of an action for its targets, POST (with the form's
 * CSRF token) runs one command per target and sends the browser back to {@code return_to} with a result banner.
 * Bad fields re-render the form with the reason (400); a target the user may not see is a 404 and nothing is done;
 * read-only users are refused (403).
 */
@Path("/actions")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ActionsResource {

    /** The most targets one action takes (the form fields Jetty must allow are twice as many, with room). */
    public static final int MAX_TARGETS = ActionRunner.MAX_TARGETS;

    private final Pages pages;
    private final ActionRunner runner;
    private final Clock clock;
    private final ZoneId zone;

    public ActionsResource(Pages pages, ActionResource api, Clock clock) {
        this(pages, api, clock, ZoneId.systemDefault());
    }

    ActionsResource(Pages pages, ActionResource api, Clock clock, ZoneId zone) {
        this.pages = pages;
        this.runner = new ActionRunner(api, pages);
        this.clock = clock;
        this.zone = zone;
    }

    @GET
    public Response form(@Context SecurityContext sc, @Context UriInfo uri) {
        return form(uri.getQueryParameters(), sc, uri);
    }

    /**
     * The same form for the targets in a POSTed body: the list pages' "with the selected" submits here, so any
     * number of targets fits (a query string of 300 passes Jetty's URI limit). Nothing is changed by it, so it
     * takes no CSRF token; the form it shows does.
     */
    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postedForm(MultivaluedMap<String, String> posted, @Context SecurityContext sc,
                               @Context UriInfo uri) {
        return form(posted, sc, uri);
    }

    private Response form(MultivaluedMap<String, String> q, SecurityContext sc, UriInfo uri) {
        mayAct(sc);
        String returnTo = ReturnTo.safe(q.getFirst("return_to"));
        Optional<PageAction> action = ActionRunner.action(q.getFirst("action"));
        if (action.isEmpty()) {
            return unknownAction(sc, uri, q.getFirst("action"), returnTo);
        }
        PageAction a = action.get();
        List<ActionTarget> targets = runner.targets(a, raw(a, q), sc);
        ActionForm form = ActionForm.fresh(a, q, clock, zone);
        String error = targets.isEmpty() ? ActionRunner.noTargets(a) : null;
        return page(error == null ? 200 : 400, view(sc, uri, a, targets, form, returnTo, error,
                List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted, @Context SecurityContext sc, @Context UriInfo uri) {
        if (!Sessions.sameToken(AuthContext.csrfToken(sc), posted.getFirst("csrf"))) {
            throw new ForbiddenException("the form's security token (csrf) is missing or wrong, so nothing was done: "
                    + "go back, reload the page and try again");
        }
        mayAct(sc);
        String returnTo = ReturnTo.safe(posted.getFirst("return_to"));
        Optional<PageAction> action = ActionRunner.action(posted.getFirst("action"));
        if (action.isEmpty()) {
            return unknownAction(sc, uri, posted.getFirst("action"), returnTo);
        }
        PageAction a = action.get();
        List<ActionTarget> targets = runner.targets(a, raw(a, posted), sc);
        ActionForm form = ActionForm.posted(posted, zone, clock.instant());
        try {
            runner.check(a, form, targets);
        } catch (ApiException e) {
            return page(e.status(), view(sc, uri, a, targets, form, returnTo, e.getMessage(),
                    List.of()));
        }
        List<ActionOutcome> outcomes = runner.run(a, form, targets, sc);
        long refused = outcomes.stream().filter(o -> !o.isOk()).count();
        if (refused == 0) {
            return Response.seeOther(URI.create(ReturnTo.withResult(returnTo, a, outcomes.size()))).build();
        }
        String error = refused + " of " + outcomes.size() + (outcomes.size() == 1 ? " target was" : " targets were")
                + " refused; the others were done.";
        return page(422, view(sc, uri, a, targets, form, returnTo, error, outcomes));
    }

    private static void mayAct(SecurityContext sc) {
        WebUser u = StatusResource.user(sc);
        if (u.readOnly()) {
            throw new ForbiddenException("user '" + u.name() + "' is read-only: it can look but not act");
        }
    }

    /** The targets of a link or form: {@code target}, plus {@code downtime_id} / {@code comment_id} for those. */
    private static List<String> raw(PageAction a, MultivaluedMap<String, String> params) {
        List<String> raw = new ArrayList<>();
        if (params.get("target") != null) {
            raw.addAll(params.get("target"));
        }
        if (a.idField() != null && params.get(a.idField()) != null) {
            raw.addAll(params.get(a.idField()));
        }
        return raw;
    }

    private Response unknownAction(SecurityContext sc, UriInfo uri, String name, String returnTo) {
        String error = name == null || name.isBlank() ? "no action chosen: choose one of " + PageAction.names()
                : "unknown action '" + name + "': choose one of " + PageAction.names();
        return page(400, view(sc, uri, null, List.of(), ActionForm.posted(new MultivaluedHashMap<>(), zone, clock.instant()), returnTo, error, List.of()));
    }

    /** The page of an action's form; a downtime's lists the downtimes the user sees, as triggers to choose from. */
    private ActionView view(SecurityContext sc, UriInfo uri, PageAction a, List<ActionTarget> targets, ActionForm form,
                            String returnTo, String error, List<ActionOutcome> outcomes) {
        ActionView view = new ActionView(context(sc, uri), a, targets, form, returnTo, error, outcomes);
        if (a == PageAction.SCHEDULE_DOWNTIME) {
            org.vigil.model.StatusSnapshot s = pages.snapshot();
            org.vigil.web.auth.Access access = pages.access(sc);
            view.triggers(s.downtimes().stream().filter(d -> access.canSee(d.host(), d.service(), s)).toList());
        }
        return view;
    }

    private PageContext context(SecurityContext sc, UriInfo uri) {
        return pages.context(sc, uri, pages.snapshot(), 0);
    }

    private static Response page(int status, ActionView view) {
        return Response.status(status).entity(view).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
