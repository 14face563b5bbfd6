package org.vigil.web.search;

import org.vigil.model.StatusSnapshot;
import org.vigil.web.auth.Access;

/**
 * The quick search: the index of the running configuration, made when the first search meets it (again after a
 * reload), shared by every request.
 */
public final class Search {

    /** The most results of one kind a request may ask for. */
    public static final int MAX_LIMIT = 100;

    private volatile SearchIndex index;

    /** The objects of {@code s} that {@code a} sees and {@code terms} matches, at most {@code limit} per kind. */
    public SearchResults find(StatusSnapshot s, Access a, SearchTerms terms, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        SearchIndex i = index;
        if (i == null || i.model() != s.model()) {
            // two requests meeting a new configuration at once may both build it: harmless, the last one stays
            i = SearchIndex.of(s);
            index = i;
        }
        return i.find(s, a, terms, limit);
    }
}
