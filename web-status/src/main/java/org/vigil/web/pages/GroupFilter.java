package org.vigil.web.pages;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.vigil.model.HostView;
import org.vigil.model.ProblemHandling;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.api.ListQuery;

/**
 * The filter bar of a group page ({@code /hostgroups}, {@code /servicegroups}): the lists' filters as far as they
 * apply to the page's members (hosts of host groups, services of service groups): {@code state}, {@code state_type},
 * {@code handled}, {@code host}, {@code service} (service groups), {@code text}, and the page's own kind of group
 * ({@code hostgroup} or {@code servicegroup}, as {@code name}). They choose the members a panel lists and the groups
 * shown (those with a member that passes); the counts stay the whole group's, as the lists they link to.
 */
final class GroupFilter {

    /** The one sort of a group page (the groups in their configured order): no other {@code sort} is accepted. */
    private static final Set<String> SORTS = Set.of("name");

    final ListParams query;
    private final boolean hostgroups;
    /** The group asked for: {@code name}, else the filter bar's group select; null for all groups. */
    final String group;

    private GroupFilter(ListParams query, boolean hostgroups, String name) {
        this.query = query;
        this.hostgroups = hostgroups;
        this.group = name != null && !name.isBlank() ? name : hostgroups ? query.hostgroup : query.servicegroup;
    }

    /**
     * The filters of {@code /hostgroups} ({@code hostgroups} true) or {@code /servicegroups}, the page's
     * {@code name} parameter given apart; a bad value is a 400.
     */
    static GroupFilter of(UriInfo uri, boolean hostgroups, String name) {
        return new GroupFilter(ListParams.of(uri, hostgroups ? "/hostgroups" : "/servicegroups",
                hostgroups ? ListParams.HOST_STATES : ListParams.SERVICE_STATES, SORTS), hostgroups, name);
    }

    /** Whether a filter on the members is set (the group select aside). */
    boolean members() {
        return !query.states.isEmpty() || !query.handled.isEmpty() || !query.value("state_type").isEmpty()
                || query.host != null || (!hostgroups && query.service != null) || query.text != null;
    }

    /** Whether a host group's member passes. */
    boolean passes(HostView h) {
        return query.matches(h.status()) && (query.host == null || Lists.like(h.name(), query.host))
                && query.textIn(h.name(), h.displayName(), h.alias(), h.address(), h.status().output());
    }

    /** Whether a service group's member of snapshot {@code s} passes (handled also by its host: ProblemHandling). */
    boolean passes(ServiceView v, StatusSnapshot s) {
        return query.matches(v.status(), ProblemHandling.of(s, v)) && (query.host == null || Lists.like(v.host(), query.host))
                && (query.service == null || ListQuery.contains(query.service, v.description(), v.displayName()))
                && query.textIn(v.host(), v.description(), v.displayName(), v.status().output());
    }

    /**
     * Whether a service group's member handled as {@code handling} passes, its text already found in it
     * ({@link ServiceProblems}): the state, handled, host and service filters.
     */
    boolean passes(ServiceView v, String handling) {
        return query.matches(v.status(), handling) && (query.host == null || Lists.like(v.host(), query.host))
                && (query.service == null || ListQuery.contains(query.service, v.description(), v.displayName()));
    }

    /** The member filters as the list pages take them ({@code &state=DOWN&text=...}), for "all N members". */
    String listQuery() {
        return query.keep(hostgroups ? List.of("state", "state_type", "handled", "host", "text")
                : List.of("state", "state_type", "handled", "host", "service", "text"));
    }
}
