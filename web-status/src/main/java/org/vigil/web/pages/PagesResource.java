package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.vigil.web.auth.WebUser;
import org.vigil.model.StateCounts;

/** The tactical overview at {@code /}: what is broken, how much of it is handled, and how the engine keeps up. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class PagesResource {

    private final Pages pages;

    public PagesResource(Pages pages) {
        this.pages = pages;
    }

    /** Counted once per snapshot and viewer by the read model ({@code StatusSnapshot.counts}), then shared. */
    @GET
    public OverviewView overview(@Context SecurityContext sc, @Context UriInfo uri) {
        WebUser user = pages.user(sc);
        StateCounts counts = pages.reader().counts(new StateCounts.Viewer(user.allObjects(), user.contact()));
        return new OverviewView(pages.context(sc, uri, counts.program(), Pages.REFRESH_SECONDS), counts,
                pages.gearman().orElse(null));
    }
}
