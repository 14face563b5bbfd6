package org.vigil.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.CheckView;

/**
 * One host or service group as its overview panel shows it: counts of its hosts and services per state (each a
 * link into the filtered list) and its members with their states, the first {@code shown} of them.
 *
 * @param membersUrl the list of all the group's members ({@code /hosts?hostgroup=...})
 * @param memberCount how many members the user sees (more than {@code members} when cut)
 */
public record GroupPanel(String name, String alias, List<StateCount> hosts, List<StateCount> services,
                         List<Member> members, int memberCount, String membersUrl) {

    /** A state's count in the group, and the list page that shows them. */
    public record StateCount(String state, int count, String link) {
    }

    /** A member: a host ({@code service} null) or a service, with its state. */
    public record Member(String host, String service, String state) {
    }

    /** Counts states in the order they are shown (problems first), with links into {@code list}. */
    static final class Tally {
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final String list;

        Tally(List<String> states, String list) {
            states.forEach(s -> counts.put(s, 0));
            this.list = list;
        }

        void add(CheckView c) {
            counts.merge(c.state(), 1, Integer::sum);
        }

        List<StateCount> counts() {
            List<StateCount> out = new ArrayList<>();
            counts.forEach((state, n) -> out.add(new StateCount(state, n, list + "&state=" + state)));
            return out;
        }
    }
}
