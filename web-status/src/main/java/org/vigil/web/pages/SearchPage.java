package org.vigil.web.pages;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.search.Search;
import org.vigil.web.search.SearchTerms;

/**
 * {@code /search?q=TEXT}: the header's search box without JavaScript (a GET form), and where Enter without a
 * chosen result goes: up to {@link #PER_KIND} results of each kind in tables, each linking to its page.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class SearchPage {

    /** Results listed per kind. */
    static final int PER_KIND = 100;

    private final Pages pages;
    private final Search search;

    public SearchPage(Pages pages, Search search) {
        this.pages = pages;
        this.search = search;
    }

    @GET
    public SearchView page(@QueryParam("q") String q, @Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        PageContext ctx = pages.context(sc, uri, s, 0);
        if (q == null || q.isBlank()) {
            return new SearchView(ctx, "", null);
        }
        SearchTerms terms;
        try {
            terms = SearchTerms.parse(q);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return new SearchView(ctx, terms.text(),
                SearchAnswer.of(search.find(s, pages.access(sc), terms, PER_KIND), Fmt.INSTANCE));
    }

    /** The search page: the query and its answer (null before a query). */
    public static final class SearchView extends PageView {
        private final String query;
        private final SearchAnswer answer;

        SearchView(PageContext ctx, String query, SearchAnswer answer) {
            super("search.ftlh", ctx, query.isEmpty() ? "Search" : "Search: " + query, "search");
            this.query = query;
            this.answer = answer;
        }

        public String getQuery() {
            return query;
        }

        /** The results, or null when nothing was asked. */
        public SearchAnswer getAnswer() {
            return answer;
        }
    }
}
