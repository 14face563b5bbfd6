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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.web.api.ListQuery;
import org.vigil.web.auth.Access;
import org.vigil.web.model.ServiceView;
import org.vigil.web.model.StatusSnapshot;

/** The service list at {@code /services}: filtered, sorted, paged, with multi-select actions. */
@Path("/services")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ServicesResource {

    static final Comparator<ServiceView> BY_NAME = Comparator.comparing(ServiceView::host)
            .thenComparing(ServiceView::description);
    static final Map<String, Comparator<ServiceView>> SORTS = sorts();

    private final Pages pages;

    public ServicesResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public ListView<ServiceView> list(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        ListParams q = ListParams.of(uri, "/services", ListParams.SERVICE_STATES, SORTS.keySet());
        if (q.hostgroup != null) {
            Lists.hostGroup(s, q.hostgroup);
        }
        if (q.servicegroup != null) {
            Lists.serviceGroup(s, q.servicegroup);
        }
        boolean exact = q.host != null && s.host(q.host).isPresent();
        List<ServiceView> matched = new ArrayList<>();
        for (ServiceView v : exact ? s.servicesOf(q.host) : s.services()) {
            if (a.canSee(v, s) && q.matches(v.status()) && (q.host == null || exact || Lists.like(v.host(), q.host))
                    && (q.hostgroup == null || v.hostgroups().contains(q.hostgroup))
                    && (q.servicegroup == null || v.servicegroups().contains(q.servicegroup))
                    && q.textIn(v.host(), v.description(), v.displayName(), v.status().output())) {
                matched.add(v);
            }
        }
        if (!q.sort.equals("host") || q.descending) {
            matched.sort(q.comparator(SORTS).thenComparing(BY_NAME));
        }
        return new ListView<>("services.ftlh", pages.context(sc, uri, s, Pages.REFRESH_SECONDS), "Services",
                "services", q.page(matched, visible(s, a)), q, "services", Lists.hostGroupNames(s, a),
                Lists.serviceGroupNames(s, a));
    }

    /** How many services the user sees in all. */
    static int visible(StatusSnapshot s, Access a) {
        if (a.user().allObjects()) {
            return s.services().size();
        }
        int n = 0;
        for (ServiceView v : s.services()) {
            n += a.canSee(v, s) ? 1 : 0;
        }
        return n;
    }

    private static Map<String, Comparator<ServiceView>> sorts() {
        Map<String, Comparator<ServiceView>> m = new LinkedHashMap<>();
        m.put("host", BY_NAME);
        m.put("service", Comparator.comparing(ServiceView::description).thenComparing(ServiceView::host));
        m.putAll(ListQuery.checkSorts(ServiceView::status));
        return m;
    }
}
