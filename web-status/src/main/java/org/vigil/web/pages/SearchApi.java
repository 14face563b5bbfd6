package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.ListQuery;
import org.vigil.web.search.Search;
import org.vigil.web.search.SearchTerms;

/**
 * {@code GET /api/v1/search?q=TEXT&limit=N}: hosts, services, host groups and service groups the user sees whose
 * name, alias or display name holds every word of {@code q}, best first, at most {@code limit} (1-100, default 8)
 * per kind; what the header's search box shows as you type. A missing, blank or too long {@code q} or a bad
 * {@code limit} is a 400.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchApi {

    /** Results per kind unless {@code limit} says otherwise: what the header's drop-down shows. */
    static final int DEFAULT_LIMIT = 8;

    private final Pages pages;
    private final Search search;

    public SearchApi(Pages pages, Search search) {
        this.pages = pages;
        this.search = search;
    }

    @GET
    public SearchAnswer search(@QueryParam("q") String q, @QueryParam("limit") String limit,
                               @Context SecurityContext sc) {
        int max = ListQuery.integer("limit", limit, DEFAULT_LIMIT);
        if (max < 1 || max > Search.MAX_LIMIT) {
            throw ApiException.badRequest("limit must be 1 to " + Search.MAX_LIMIT + ", not " + max);
        }
        SearchTerms terms;
        try {
            terms = SearchTerms.parse(q);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return SearchAnswer.of(search.find(pages.snapshot(), pages.access(sc), terms, max), Fmt.INSTANCE);
    }
}
