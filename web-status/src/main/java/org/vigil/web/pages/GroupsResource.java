package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.web.auth.Access;
import org.vigil.web.model.GroupView;
import org.vigil.web.model.HostView;
import org.vigil.web.model.ServiceView;
import org.vigil.web.model.StatusSnapshot;

/**
 * The group overviews, {@code /hostgroups} and {@code /servicegroups} ({@code ?name=X} for one group): per group
 * its host and service counts per state and its members. A contact-bound user sees the groups with a member it
 * sees, and only those members.
 */
public final class GroupsResource {

    /** Members listed on the panel of the all-groups page; the rest are in the filtered list. */
    static final int MEMBERS_SHOWN = 100;
    /** Members listed on one group's page. */
    static final int MEMBERS_SHOWN_SINGLE = 2000;

    static final List<String> HOST_ORDER = List.of("DOWN", "UNREACHABLE", "UP", "PENDING");
    static final List<String> SERVICE_ORDER = List.of("CRITICAL", "WARNING", "UNKNOWN", "OK", "PENDING");

    private GroupsResource() {
    }

    /** {@code /hostgroups}. */
    @Path("/hostgroups")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public static final class HostGroups {
        private final Pages pages;

        public HostGroups(Pages pages) {
            this.pages = pages;
        }

        @GET
        public GroupsView list(@QueryParam("name") String name, @Context SecurityContext sc,
                               @Context UriInfo uri) {
            StatusSnapshot s = pages.snapshot();
            Access a = pages.access(sc);
            List<GroupPanel> panels = new ArrayList<>();
            boolean single = name != null && !name.isBlank();
            for (GroupView g : single ? List.of(Lists.hostGroup(s, name)) : s.hostGroups()) {
                GroupPanel p = hostGroup(s, a, g, single ? MEMBERS_SHOWN_SINGLE : MEMBERS_SHOWN);
                if (p != null) {
                    panels.add(p);
                }
            }
            if (single && panels.isEmpty()) {
                throw new NotFoundException("There is no host group '" + name + "'.");
            }
            return new GroupsView(pages.context(sc, uri, s, Pages.REFRESH_SECONDS),
                    single ? "Host group " + panels.get(0).alias() : "Host groups", "hostgroups", panels,
                    "hostgroup", single);
        }
    }

    /** {@code /servicegroups}. */
    @Path("/servicegroups")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public static final class ServiceGroups {
        private final Pages pages;

        public ServiceGroups(Pages pages) {
            this.pages = pages;
        }

        @GET
        public GroupsView list(@QueryParam("name") String name, @Context SecurityContext sc,
                               @Context UriInfo uri) {
            StatusSnapshot s = pages.snapshot();
            Access a = pages.access(sc);
            List<GroupPanel> panels = new ArrayList<>();
            boolean single = name != null && !name.isBlank();
            for (GroupView g : single ? List.of(Lists.serviceGroup(s, name)) : s.serviceGroups()) {
                GroupPanel p = serviceGroup(s, a, g, single ? MEMBERS_SHOWN_SINGLE : MEMBERS_SHOWN);
                if (p != null) {
                    panels.add(p);
                }
            }
            if (single && panels.isEmpty()) {
                throw new NotFoundException("There is no service group '" + name + "'.");
            }
            return new GroupsView(pages.context(sc, uri, s, Pages.REFRESH_SECONDS),
                    single ? "Service group " + panels.get(0).alias() : "Service groups", "servicegroups", panels,
                    "servicegroup", single);
        }
    }

    /** The panel of a host group, or null when the user sees none of its members (and not all objects). */
    static GroupPanel hostGroup(StatusSnapshot s, Access a, GroupView g, int shown) {
        String q = "hostgroup=" + Fmt.INSTANCE.url(g.name());
        GroupPanel.Tally hosts = new GroupPanel.Tally(HOST_ORDER, "/hosts?" + q);
        GroupPanel.Tally services = new GroupPanel.Tally(SERVICE_ORDER, "/services?" + q);
        List<GroupPanel.Member> members = new ArrayList<>();
        int count = 0;
        for (String m : g.members()) {
            HostView h = s.host(m).filter(a::canSee).orElse(null);
            if (h == null) {
                continue;
            }
            count++;
            hosts.add(h.status());
            if (members.size() < shown) {
                members.add(new GroupPanel.Member(h.name(), null, h.status().state()));
            }
            for (ServiceView v : s.servicesOf(h.name())) {
                if (a.canSee(v, s)) {
                    services.add(v.status());
                }
            }
        }
        if (count == 0 && !a.user().allObjects()) {
            return null;
        }
        return new GroupPanel(g.name(), g.alias(), hosts.counts(), services.counts(), members, count, "/hosts?" + q);
    }

    /** The panel of a service group, or null when the user sees none of its members (and not all objects). */
    static GroupPanel serviceGroup(StatusSnapshot s, Access a, GroupView g, int shown) {
        String q = "servicegroup=" + Fmt.INSTANCE.url(g.name());
        GroupPanel.Tally hosts = new GroupPanel.Tally(HOST_ORDER, "/hosts?" + q);
        GroupPanel.Tally services = new GroupPanel.Tally(SERVICE_ORDER, "/services?" + q);
        // Members by host, so each host's services are walked once (no per-member search).
        Map<String, Set<String>> byHost = new TreeMap<>();
        for (String m : g.members()) {
            int semi = m.indexOf(';');
            byHost.computeIfAbsent(m.substring(0, semi), k -> new HashSet<>()).add(m.substring(semi + 1));
        }
        List<GroupPanel.Member> members = new ArrayList<>();
        Set<String> hostsSeen = new LinkedHashSet<>();
        int count = 0;
        for (Map.Entry<String, Set<String>> e : byHost.entrySet()) {
            for (ServiceView v : s.servicesOf(e.getKey())) {
                if (!e.getValue().contains(v.description()) || !a.canSee(v, s)) {
                    continue;
                }
                count++;
                services.add(v.status());
                if (members.size() < shown) {
                    members.add(new GroupPanel.Member(v.host(), v.description(), v.status().state()));
                }
                if (hostsSeen.add(v.host())) {
                    s.host(v.host()).filter(a::canSee).ifPresent(h -> hosts.add(h.status()));
                }
            }
        }
        if (count == 0 && !a.user().allObjects()) {
            return null;
        }
        return new GroupPanel(g.name(), g.alias(), hosts.counts(), services.counts(), members, count,
                "/services?" + q);
    }
}
