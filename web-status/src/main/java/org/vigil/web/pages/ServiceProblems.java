package org.vigil.web.pages;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.vigil.model.ProblemHandling;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/**
 * The services of a snapshot that are problems, in list order (by host, then description), with what a filtered
 * service group page reads of each, made once per snapshot: how it is handled ({@link ProblemHandling}, which looks up
 * its host) and its text fields (host, description, display name, output) lower case and joined. A filter that only
 * problems pass (a problem state, or {@code handled}) then walks these rows with one {@link String#contains} each,
 * instead of looking up 10,000 hosts and lower-casing 40,000 strings per request (as {@link ProblemIndex} does for
 * {@code /problems}).
 */
final class ServiceProblems {

    private static final Object KEY = new Object();
    private static final Set<String> PROBLEM_STATES = Set.of("WARNING", "CRITICAL", "UNKNOWN", "PROBLEM");
    private final List<ServiceView> rows;
    private final String[] handling;
    private final String[] text;

    private ServiceProblems(StatusSnapshot s) {
        rows = s.servicesIn(List.of("PROBLEM"));
        handling = new String[rows.size()];
        text = new String[rows.size()];
        for (int i = 0; i < handling.length; i++) {
            ServiceView v = rows.get(i);
            handling[i] = ProblemHandling.of(s, v);
            text[i] = FilterText.join(v.host(), v.description(), v.displayName(), v.status().output());
        }
    }

    /** The rows of {@code s}. */
    static ServiceProblems of(StatusSnapshot s) {
        return s.derived(KEY, ServiceProblems::new);
    }

    /** Whether only problems can pass {@code query}'s state and handled filters (so these rows hold all that do). */
    static boolean cover(ListParams query) {
        Collection<String> states = query.indexStates();
        return states != null && PROBLEM_STATES.containsAll(states);
    }

    int size() {
        return rows.size();
    }

    ServiceView view(int i) {
        return rows.get(i);
    }

    String handling(int i) {
        return handling[i];
    }

    /** Whether row {@code i}'s text fields hold {@code needle} (lower case; null: no filter, true). */
    boolean has(int i, String needle) {
        return FilterText.holds(text[i], needle);
    }
}
