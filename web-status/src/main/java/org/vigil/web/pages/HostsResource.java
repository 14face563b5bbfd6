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
import org.vigil.web.api.ListQuery;
import org.vigil.web.auth.Access;
import org.vigil.model.GroupView;
import org.vigil.model.HostView;
import org.vigil.model.StatusSnapshot;

/** The host list at {@code /hosts}: filtered, sorted, paged, with multi-select actions. */
@Path("/hosts")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class HostsResource {

    static final Set<String> SORTS = sortKeys();

    private final Pages pages;

    public HostsResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response list(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        ListParams q = ListParams.of(uri, "/hosts", ListParams.HOST_STATES, SORTS);
        Set<String> ofServicegroup = q.servicegroup == null ? null : hostsOf(Lists.serviceGroup(s, q.servicegroup));
        if (q.hostgroup != null) {
            Lists.hostGroup(s, q.hostgroup);
        }
        if (q.csv) {
            return ListCsv.hosts(matched(s, a, q, ofServicegroup).rows(), s);
        }
        PageContext ctx = pages.context(sc, uri, s, Pages.REFRESH_SECONDS);
        Answers.Answer<HostView> answer = Answers.of(s).get(Answers.Key.of("/hosts",
                uri.getRequestUri().getRawQuery(), a.user()), () -> matched(s, a, q, ofServicegroup).page(q, s));
        return Response.ok(new ListView<>("hosts.ftlh", ctx, "Hosts", "hosts", answer, q, "hosts",
                Lists.hostGroupNames(s, a), Lists.serviceGroupNames(s, a),
                (rows, section, canAct, fmt) -> ListRows.hosts(rows.items(), canAct, fmt, Handling.of(s)))).build();
    }

    /** The hosts {@code q} selects, of those {@code a} sees, in order. */
    private static Lists.Matched<HostView> matched(StatusSnapshot s, Access a, ListParams q,
                                                   Set<String> ofServicegroup) {
        boolean exact = q.host != null && s.host(q.host).isPresent();
        List<HostView> matched = new ArrayList<>();
        int visible = 0;
        // every host is walked, for the count of those the user sees: hosts are few next to services
        for (HostView h : s.hosts()) {
            if (!a.canSee(h)) {
                continue;
            }
            visible++;
            if (q.matches(h.status())
                    && (q.host == null || (exact ? h.name().equals(q.host) : Lists.like(h.name(), q.host)))
                    && (q.hostgroup == null || h.hostgroups().contains(q.hostgroup))
                    && (ofServicegroup == null || ofServicegroup.contains(h.name()))
                    && (q.text == null || q.textIn(h.name(), h.displayName(), h.alias(), h.address(),
                            h.status().output()))) {
                matched.add(h);
            }
        }
        if (!q.sort.equals("host") || q.descending) {
            matched.sort(q.comparator(sorts(s)).thenComparing(HostView::name));
        }
        return new Lists.Matched<>(matched, visible);
    }

    private static Set<String> hostsOf(GroupView servicegroup) {
        return ProblemList.hostsOf(servicegroup);
    }

    private static Map<String, Comparator<HostView>> sorts(StatusSnapshot s) {
        Map<String, Comparator<HostView>> m = new LinkedHashMap<>();
        m.put("host", Comparator.comparing(HostView::name));
        m.putAll(ListQuery.checkSorts(HostView::status, s));
        return m;
    }

    private static Set<String> sortKeys() {
        Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add("host");
        keys.addAll(ListQuery.CHECK_SORTS);
        return java.util.Collections.unmodifiableSet(keys);
    }
}
