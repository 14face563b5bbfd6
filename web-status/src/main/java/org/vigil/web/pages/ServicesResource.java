package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.web.api.Candidates;
import org.vigil.web.api.ListQuery;
import org.vigil.web.auth.Access;
import org.vigil.model.ProblemHandling;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/** The service list at {@code /services}: filtered, sorted, paged, with multi-select actions. */
@Path("/services")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ServicesResource {

    static final Comparator<ServiceView> BY_NAME = Comparator.comparing(ServiceView::host)
            .thenComparing(ServiceView::description);
    static final Set<String> SORTS = sortKeys();

    private final Pages pages;

    public ServicesResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response list(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        ListParams q = ListParams.of(uri, "/services", ListParams.SERVICE_STATES, SORTS);
        if (q.hostgroup != null) {
            Lists.hostGroup(s, q.hostgroup);
        }
        if (q.servicegroup != null) {
            Lists.serviceGroup(s, q.servicegroup);
        }
        if (q.csv) {
            return ListCsv.services(matched(s, a, q).rows(), s);
        }
        PageContext ctx = pages.context(sc, uri, s, Pages.REFRESH_SECONDS);
        Answers.Answer<ServiceView> answer = Answers.of(s).get(Answers.Key.of("/services",
                uri.getRequestUri().getRawQuery(), a.user()), () -> matched(s, a, q).page(q, s));
        return Response.ok(new ListView<>("services.ftlh", ctx, "Services", "services", answer, q, "services",
                Lists.hostGroupNames(s, a), Lists.serviceGroupNames(s, a),
                (rows, section, canAct, fmt) -> ListRows.services(rows.items(), canAct, fmt, Handling.of(s)))).build();
    }

    /** The services {@code q} selects, of those {@code a} sees, in order. */
    private static Lists.Matched<ServiceView> matched(StatusSnapshot s, Access a, ListParams q) {
        if (a.user().allObjects() && q.stateIndexAlone("host")) {
            return new Lists.Matched<>(s.servicesIn(q.states), s.services().size());
        }
        boolean exact = q.host != null && s.host(q.host).isPresent();
        List<ServiceView> matched = new ArrayList<>();
        List<ServiceView> pool = Candidates.services(s, a, q.indexStates(), exact ? q.host : null, q.hostgroup,
                q.servicegroup);
        for (ServiceView v : pool) {
            if (a.canSee(v, s) && q.matches(v.status(), ProblemHandling.of(s, v)) && (q.host == null || exact || Lists.like(v.host(), q.host))
                    && (q.hostgroup == null || v.hostgroups().contains(q.hostgroup))
                    && (q.servicegroup == null || v.servicegroups().contains(q.servicegroup))
                    && (q.service == null || ListQuery.contains(q.service, v.description(), v.displayName()))
                    && (q.text == null || q.textIn(v.host(), v.description(), v.displayName(), v.status().output()))) {
                matched.add(v);
            }
        }
        if (!q.sort.equals("host") || q.descending) {
            matched.sort(q.comparator(sorts(s)).thenComparing(BY_NAME));
        }
        return new Lists.Matched<>(matched, visible(s, a));
    }

    /** How many services the user sees in all. */
    static int visible(StatusSnapshot s, Access a) {
        if (a.user().allObjects()) {
            return s.services().size();
        }
        return a.user().contact() == null ? 0 : s.servicesOfContact(a.user().contact()).size();
    }

    private static Map<String, Comparator<ServiceView>> sorts(StatusSnapshot s) {
        Map<String, Comparator<ServiceView>> m = new LinkedHashMap<>();
        m.put("host", BY_NAME);
        m.put("service", Comparator.comparing(ServiceView::description).thenComparing(ServiceView::host));
        m.putAll(ListQuery.checkSorts(ServiceView::status, s));
        return m;
    }

    private static Set<String> sortKeys() {
        Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add("host");
        keys.add("service");
        keys.addAll(ListQuery.CHECK_SORTS);
        return java.util.Collections.unmodifiableSet(keys);
    }
}
