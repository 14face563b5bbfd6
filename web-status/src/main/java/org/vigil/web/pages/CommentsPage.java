package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import org.vigil.web.auth.Access;
import org.vigil.model.CommentView;
import org.vigil.model.StatusSnapshot;

/** {@code /comments}: every comment the user may see, host ones first, newest first. */
@Path("/comments")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class CommentsPage {

    private final Pages pages;

    public CommentsPage(Pages pages) {
        this.pages = pages;
    }

    @GET
    public EntriesView show(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        return EntriesView.comments(pages.context(sc, uri, s, Pages.REFRESH_SECONDS), s.comments().stream()
                .filter(c -> a.canSee(c.host(), c.service(), s))
                .sorted(Comparator.comparing((CommentView c) -> c.service() != null)
                        .thenComparing(Comparator.comparingLong(CommentView::id).reversed())).toList());
    }
}
