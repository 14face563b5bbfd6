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
import org.vigil.model.DowntimeView;
import org.vigil.model.StatusSnapshot;

/** {@code /downtimes}: every scheduled downtime the user may see, host ones first, by start time. */
@Path("/downtimes")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class DowntimesPage {

    private final Pages pages;

    public DowntimesPage(Pages pages) {
        this.pages = pages;
    }

    @GET
    public EntriesView show(@Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        return EntriesView.downtimes(pages.context(sc, uri, s, Pages.REFRESH_SECONDS), s.downtimes().stream()
                .filter(d -> a.canSee(d.host(), d.service(), s)).sorted(Comparator.comparing((DowntimeView d) -> d.service() != null)
                        .thenComparing(DowntimeView::start).thenComparingLong(DowntimeView::id)).toList());
    }
}
