package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.vigil.web.api.ApiException;
import org.vigil.web.model.GearmanReport;

/** {@code /gearman}: the queues on gearmand, each server reachable or not, and the dispatch's counters. */
@Path("/gearman")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class GearmanPage {

    private final Pages pages;

    public GearmanPage(Pages pages) {
        this.pages = pages;
    }

    @GET
    public GearmanView show(@Context SecurityContext sc, @Context UriInfo uri) {
        GearmanReport status = pages.gearman().orElseThrow(() -> ApiException.notFound(
                org.vigil.web.api.GearmanResource.NOT_CONFIGURED));
        return new GearmanView(pages.context(sc, uri, pages.snapshot().program(), Pages.REFRESH_SECONDS), status);
    }
}
