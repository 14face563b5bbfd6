package org.vigil.web.pages;

import java.util.List;
import org.vigil.web.search.SearchResults;

/**
 * A search's results as {@code GET /api/v1/search} answers and {@code /search} lists them: grouped by kind, each
 * result with the link of its page.
 */
public record SearchAnswer(String query, int total, List<Kind> groups) {

    /** The results of one kind: {@code total} matches in all, the best in {@code results}. */
    public record Kind(String kind, String label, int total, List<Result> results) {
    }

    /** One result; {@code host} for services, {@code state} for hosts and services, null otherwise. */
    public record Result(String kind, String name, String host, String alias, String state, String url) {
    }

    /** The answer of {@code r}, with links as {@code fmt} writes them. */
    static SearchAnswer of(SearchResults r, Fmt fmt) {
        return new SearchAnswer(r.query(), r.total(), r.groups().stream().map(g -> new Kind(g.kind().id(),
                g.kind().label(), g.total(), g.hits().stream().map(h -> new Result(h.kind().id(), h.name(), h.host(),
                        h.alias(), h.state(), url(h, fmt))).toList())).toList());
    }

    /** The page of a result: a host's or service's detail page, a group's page. */
    static String url(SearchResults.Hit h, Fmt fmt) {
        return switch (h.kind()) {
            case HOST -> fmt.hostUrl(h.name());
            case SERVICE -> fmt.serviceUrl(h.host(), h.name());
            case HOSTGROUP -> "/hostgroups?name=" + fmt.url(h.name());
            case SERVICEGROUP -> "/servicegroups?name=" + fmt.url(h.name());
        };
    }
}
