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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.web.auth.Access;
import org.vigil.model.GroupView;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

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

    /**
     * The keys under which a snapshot keeps the panels of all groups as a user who sees everything sees them: the
     * same for every such user, so made once per snapshot.
     */
    private static final Object ALL_HOST_GROUPS = new Object();
    private static final Object ALL_SERVICE_GROUPS = new Object();

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
            GroupFilter f = GroupFilter.of(uri, true, name);
            String group = f.group;
            boolean single = group != null;
            GroupFilter members = f.members() ? f : null;
            List<GroupPanel> panels = single
                    ? hostGroups(s, a, List.of(Lists.hostGroup(s, group)), MEMBERS_SHOWN_SINGLE, members)
                    : !a.user().allObjects() ? hostGroups(s, a, s.hostGroups(), MEMBERS_SHOWN, members)
                    : members != null ? FilteredGroups.hostGroups(s, allHostGroups(s, a), MEMBERS_SHOWN, members)
                    : allHostGroups(s, a);
            if (single && panels.isEmpty()) {
                throw new NotFoundException("There is no host group '" + group + "'.");
            }
            return new GroupsView(pages.context(sc, uri, s, Pages.REFRESH_SECONDS),
                    single ? "Host group " + panels.get(0).alias() : "Host groups", "hostgroups", panels,
                    "hostgroup", single ? group : null, f.query, Lists.hostGroupNames(s, a));
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
            GroupFilter f = GroupFilter.of(uri, false, name);
            String group = f.group;
            boolean single = group != null;
            GroupFilter members = f.members() ? f : null;
            List<GroupPanel> panels = single
                    ? serviceGroups(s, a, List.of(Lists.serviceGroup(s, group)), MEMBERS_SHOWN_SINGLE, members)
                    : !a.user().allObjects() ? serviceGroups(s, a, s.serviceGroups(), MEMBERS_SHOWN, members)
                    : members != null ? FilteredGroups.serviceGroups(s, allServiceGroups(s, a), MEMBERS_SHOWN, members)
                    : allServiceGroups(s, a);
            if (single && panels.isEmpty()) {
                throw new NotFoundException("There is no service group '" + group + "'.");
            }
            return new GroupsView(pages.context(sc, uri, s, Pages.REFRESH_SECONDS),
                    single ? "Service group " + panels.get(0).alias() : "Service groups", "servicegroups", panels,
                    "servicegroup", single ? group : null, f.query, Lists.serviceGroupNames(s, a));
        }
    }

    /**
     * The panels of all host groups as a user who sees everything ({@code a}) sees them, unfiltered: made once per
     * snapshot, they are also the groups and counts of a filtered page ({@link FilteredGroups}).
     */
    static List<GroupPanel> allHostGroups(StatusSnapshot s, Access a) {
        return s.derived(ALL_HOST_GROUPS, x -> hostGroups(x, a, x.hostGroups(), MEMBERS_SHOWN, null));
    }

    /** The panels of all service groups as a user who sees everything sees them, as {@link #allHostGroups}. */
    static List<GroupPanel> allServiceGroups(StatusSnapshot s, Access a) {
        return s.derived(ALL_SERVICE_GROUPS, x -> serviceGroups(x, a, x.serviceGroups(), MEMBERS_SHOWN, null));
    }

    /**
     * The panels of {@code groups} (all host groups, or the one asked for), in one pass over the hosts and one
     * over the services: each object adds itself to the groups it names, so the cost does not grow with the
     * number of groups times their size. The counts are those of the lists they link to ({@code /services?hostgroup=}
     * counts the services the user sees on the group's hosts). A group none of whose members the user sees is
     * left out (unless it sees all). With {@code filter} (null for none) a panel lists the members that pass it,
     * and a group with none is left out (but for one group's page).
     */
    static List<GroupPanel> hostGroups(StatusSnapshot s, Access a, List<GroupView> groups, int shown,
                                       GroupFilter filter) {
        Map<String, Acc> acc = new LinkedHashMap<>();
        groups.forEach(g -> acc.put(g.name(), new Acc(g, "hostgroup", shown, filter)));
        // one group's page walks the group's index; all groups, every object once
        boolean one = groups.size() == 1;
        for (HostView h : one ? s.hostsOfHostGroup(groups.get(0).name()) : s.hosts()) {
            if (a.canSee(h)) {
                boolean passes = filter == null || filter.passes(h);
                for (String g : h.hostgroups()) {
                    Acc x = acc.get(g);
                    if (x != null) {
                        x.member(h.name(), null, h.status().state(), passes);
                        x.hosts.add(h.status());
                    }
                }
            }
        }
        for (ServiceView v : one ? s.servicesOfHostGroup(groups.get(0).name()) : s.services()) {
            if (!v.hostgroups().isEmpty() && a.canSee(v, s)) {
                for (String g : v.hostgroups()) {
                    Acc x = acc.get(g);
                    if (x != null) {
                        x.services.add(v.status());
                    }
                }
            }
        }
        return panels(acc, a, "/hosts?");
    }

    /** The panels of service groups, as {@link #hostGroups}: one pass over the services. */
    static List<GroupPanel> serviceGroups(StatusSnapshot s, Access a, List<GroupView> groups, int shown,
                                          GroupFilter filter) {
        Map<String, Acc> acc = new LinkedHashMap<>();
        groups.forEach(g -> acc.put(g.name(), new Acc(g, "servicegroup", shown, filter)));
        boolean one = groups.size() == 1;
        for (ServiceView v : one ? s.servicesOfServiceGroup(groups.get(0).name()) : s.services()) {
            if (v.servicegroups().isEmpty() || !a.canSee(v, s)) {
                continue;
            }
            boolean passes = filter == null || filter.passes(v, s);
            for (String g : v.servicegroups()) {
                Acc x = acc.get(g);
                if (x == null) {
                    continue;
                }
                x.member(v.host(), v.description(), v.status().state(), passes);
                x.services.add(v.status());
                // Services come by host, so a host is new to the group when it differs from the last one.
                if (!v.host().equals(x.lastHost)) {
                    x.lastHost = v.host();
                    s.host(v.host()).filter(a::canSee).ifPresent(h -> x.hosts.add(h.status()));
                }
            }
        }
        return panels(acc, a, "/services?");
    }

    private static List<GroupPanel> panels(Map<String, Acc> acc, Access a, String membersList) {
        List<GroupPanel> out = new ArrayList<>();
        for (Acc x : acc.values()) {
            if ((x.visible > 0 || a.user().allObjects())
                    && (x.filter == null || x.count > 0 || x.filter.group != null)) {
                out.add(new GroupPanel(x.group.name(), x.group.alias(), x.hosts.counts(), x.services.counts(),
                        x.members, x.count, membersList + x.query
                        + (x.filter == null ? "" : x.filter.listQuery())));
            }
        }
        return out;
    }

    /** One group's panel as it is being filled. */
    private static final class Acc {
        final GroupView group;
        final String query;
        final GroupPanel.Tally hosts;
        final GroupPanel.Tally services;
        final List<GroupPanel.Member> members = new ArrayList<>();
        final int shown;
        final GroupFilter filter;
        /** Members the user sees, and of them those that pass the filter (listed up to {@code shown}). */
        int visible;
        int count;
        String lastHost;

        Acc(GroupView group, String kind, int shown, GroupFilter filter) {
            this.group = group;
            this.query = kind + "=" + Fmt.INSTANCE.url(group.name());
            this.hosts = new GroupPanel.Tally(HOST_ORDER, "/hosts?" + query);
            this.services = new GroupPanel.Tally(SERVICE_ORDER, "/services?" + query);
            this.shown = shown;
            this.filter = filter;
        }

        void member(String host, String service, String state, boolean passes) {
            visible++;
            if (!passes) {
                return;
            }
            count++;
            if (members.size() < shown) {
                members.add(new GroupPanel.Member(host, service, state));
            }
        }
    }
}
