package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.vigil.web.model.StatusSnapshot;

/** The tactical overview at {@code /}: what is broken, how much of it is handled, and how the engine keeps up. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class PagesResource {

    private final Pages pages;

    public PagesResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public OverviewView overview(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot snapshot = pages.snapshot();
        return new OverviewView(pages.context(sc, uri, snapshot, Pages.REFRESH_SECONDS),
                Tactical.of(snapshot, pages.access(sc)));
    }
}
