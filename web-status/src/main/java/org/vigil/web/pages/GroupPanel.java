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

    /**
     * Counts states in the order they are shown (problems first), with links into {@code list}: a counter per state
     * (a group page counts every member of every group once per snapshot: 100,000 services).
     */
    static final class Tally {
        private final List<String> states;
        private final int[] counts;
        private final Map<String, Integer> others = new LinkedHashMap<>();
        private final String list;

        Tally(List<String> states, String list) {
            this.states = states;
            this.counts = new int[states.size()];
            this.list = list;
        }

        void add(CheckView c) {
            String state = c.state();
            for (int i = 0; i < counts.length; i++) {
                if (states.get(i).equals(state)) {
                    counts[i]++;
                    return;
                }
            }
            others.merge(state, 1, Integer::sum);
        }

        List<StateCount> counts() {
            List<StateCount> out = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                out.add(new StateCount(states.get(i), counts[i], list + "&state=" + states.get(i)));
            }
            others.forEach((state, n) -> out.add(new StateCount(state, n, list + "&state=" + state)));
            return out;
        }
    }
}
