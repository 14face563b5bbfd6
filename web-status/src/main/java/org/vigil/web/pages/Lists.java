package org.vigil.web.pages;

import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import org.vigil.web.auth.Access;
import org.vigil.model.GroupView;
import org.vigil.model.StatusSnapshot;

/** What the list pages share: group look-ups, name matching, and the page resources to register. */
public final class Lists {

    private Lists() {
    }

    /** The rows a list's filters select, in order, and how many the user sees in all (the "of M"). */
    record Matched<T>(List<T> rows, int visible) {

        /** The page {@code q} asks for, durations as of {@code s}. */
        Paged<T> page(ListParams q, StatusSnapshot s) {
            return q.page(rows, visible, t -> stamp(s, t));
        }

        @SuppressWarnings("unchecked")
        private static <T> T stamp(StatusSnapshot s, T row) {
            if (row instanceof org.vigil.model.HostView h) {
                return (T) s.stamp(h);
            }
            return row instanceof org.vigil.model.ServiceView v ? (T) s.stamp(v) : row;
        }
    }

    /** The resources of the list pages ({@code /problems}, {@code /hosts}, {@code /services}, the groups). */
    public static List<Object> resources(Pages pages) {
        return List.of(new ProblemsResource(pages), new HostsResource(pages), new ServicesResource(pages),
                new GroupsResource.HostGroups(pages), new GroupsResource.ServiceGroups(pages));
    }

    /** The host group {@code name}, or a 404 naming it. */
    static GroupView hostGroup(StatusSnapshot s, String name) {
        return find(s.hostGroups(), name, "host group");
    }

    /** The service group {@code name}, or a 404 naming it. */
    static GroupView serviceGroup(StatusSnapshot s, String name) {
        return find(s.serviceGroups(), name, "service group");
    }

    private static GroupView find(List<GroupView> groups, String name, String kind) {
        for (GroupView g : groups) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new NotFoundException("There is no " + kind + " '" + name + "'.");
    }

    /** Whether {@code name} contains {@code part}, ignoring case. */
    static boolean like(String name, String part) {
        return name.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** The host groups with a member the user sees, by name. */
    static List<String> hostGroupNames(StatusSnapshot s, Access a) {
        return s.hostGroups().stream().filter(g -> a.user().allObjects()
                || g.members().stream().anyMatch(m -> s.host(m).map(a::canSee).orElse(false)))
                .map(GroupView::name).toList();
    }

    /** The service groups with a member the user sees, by name. */
    static List<String> serviceGroupNames(StatusSnapshot s, Access a) {
        return s.serviceGroups().stream().filter(g -> a.user().allObjects()
                || g.members().stream().anyMatch(m -> visibleMember(s, a, m)))
                .map(GroupView::name).toList();
    }

    /** Whether the user sees the service {@code host;service} of a service group. */
    static boolean visibleMember(StatusSnapshot s, Access a, String member) {
        int semi = member.indexOf(';');
        return s.service(member.substring(0, semi), member.substring(semi + 1)).map(v -> a.canSee(v, s))
                .orElse(false);
    }
}
