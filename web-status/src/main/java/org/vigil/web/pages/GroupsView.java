package org.vigil.web.pages;

import java.util.List;

/** The host group or service group overview: one panel per group, or the one group asked for. */
public final class GroupsView extends PageView {

    private final List<GroupPanel> groups;
    private final String kind;
    private final String single;
    private final ListParams query;
    private final List<String> names;

    GroupsView(PageContext ctx, String title, String nav, List<GroupPanel> groups, String kind, String single,
               ListParams query, List<String> names) {
        super("groups.ftlh", ctx, title, nav);
        this.groups = groups;
        this.kind = kind;
        this.single = single;
        this.query = query;
        this.names = names;
    }

    public List<GroupPanel> getGroups() {
        return groups;
    }

    /** {@code hostgroup} or {@code servicegroup}: the sweep panel's parameter and the page's path. */
    public String getKind() {
        return kind;
    }

    /** Whether this is one group's page ({@code ?name=}, or the filter bar's group). */
    public boolean isSingle() {
        return single != null;
    }

    /** The one group shown, or "" for all. */
    public String getGroup() {
        return single == null ? "" : single;
    }

    /** The filter bar's query (as the lists'). */
    public ListParams getQuery() {
        return query;
    }

    /** The host groups the filter bar offers: those with a member the user sees, on the host group page only. */
    public List<String> getHostgroups() {
        return kind.equals("hostgroup") ? names : List.of();
    }

    /** The service groups the filter bar offers, on the service group page only. */
    public List<String> getServicegroups() {
        return kind.equals("servicegroup") ? names : List.of();
    }
}
