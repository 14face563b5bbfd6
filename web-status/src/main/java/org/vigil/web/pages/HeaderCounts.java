package org.vigil.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.vigil.model.StateCounts;

/**
 * The problem counts of the header on every page, over what the user sees: per problem state (hosts DOWN and
 * UNREACHABLE, services CRITICAL, WARNING and UNKNOWN, the worst first) how many are unhandled and how many are
 * handled (acknowledged or in downtime), each a link to {@code /problems} filtered so; and the unhandled problems
 * in all, which the title and the favicon carry.
 *
 * @param counts the five states, always all of them, in the header's order
 * @param unhandled the unhandled problems of all states, hosts and services ({@link StateCounts#unhandledProblems})
 */
public record HeaderCounts(List<Count> counts, int unhandled) {

    /** The states shown, the worst of each kind first. */
    static final List<String> STATES = List.of("DOWN", "UNREACHABLE", "CRITICAL", "WARNING", "UNKNOWN");

    /** One state's problems: {@code unhandled} ones and {@code handled} ones. */
    public record Count(String state, int unhandled, int handled) {

        /** {@code /problems} of this state, unhandled. */
        public String unhandledUrl() {
            return "/problems?state=" + state + "&handled=unhandled";
        }

        /** {@code /problems} of this state, acknowledged or in downtime. */
        public String handledUrl() {
            return "/problems?state=" + state + "&handled=handled";
        }
    }

    public HeaderCounts {
        counts = List.copyOf(counts);
    }

    /** The header's counts out of the overview's. */
    public static HeaderCounts of(StateCounts c) {
        List<Count> out = new ArrayList<>(STATES.size());
        for (String state : STATES) {
            int unhandled = 0;
            int handled = 0;
            for (StateCounts.Count n : state.equals("DOWN") || state.equals("UNREACHABLE") ? c.hosts() : c.services()) {
                if (n.state().equals(state)) {
                    unhandled += n.unhandled();
                    handled += n.acknowledged() + n.downtime();
                }
            }
            out.add(new Count(state, unhandled, handled));
        }
        return new HeaderCounts(out, c.unhandledProblems());
    }

    /** Whether no host or service is in a problem state at all. */
    public boolean none() {
        return counts.stream().allMatch(n -> n.unhandled() == 0 && n.handled() == 0);
    }
}
