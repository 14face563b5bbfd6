package org.vigil.web.pages;

import java.util.List;

/** The host group or service group overview: one panel per group, or the one group asked for. */
public final class GroupsView extends PageView {

    private final List<GroupPanel> groups;
    private final String kind;
    private final boolean single;

    GroupsView(PageContext ctx, String title, String nav, List<GroupPanel> groups, String kind, boolean single) {
        super("groups.ftlh", ctx, title, nav);
        this.groups = groups;
        this.kind = kind;
        this.single = single;
    }

    public List<GroupPanel> getGroups() {
        return groups;
    }

    /** {@code hostgroup} or {@code servicegroup}: the sweep panel's parameter and the page's path. */
    public String getKind() {
        return kind;
    }

    /** Whether this is one group's page ({@code ?name=}). */
    public boolean isSingle() {
        return single;
    }
}
