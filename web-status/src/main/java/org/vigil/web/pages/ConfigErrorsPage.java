package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.vigil.model.StatusSnapshot;

/** {@code /config-errors}: why the last reload was rejected ({@code file:line: error: ...}), as the banner links. */
@Path("/config-errors")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ConfigErrorsPage {

    private final Pages pages;

    public ConfigErrorsPage(Pages pages) {
        this.pages = pages;
    }

    @GET
    public ConfigErrorsView show(@Context SecurityContext sc, @Context UriInfo uri) {
        // a rejected reload keeps the engine, so a cached snapshot may predate it: this page is where one goes next
        StatusSnapshot s = pages.reader().fresh();
        return new ConfigErrorsView(pages.context(sc, uri, s, Pages.REFRESH_SECONDS));
    }
}
