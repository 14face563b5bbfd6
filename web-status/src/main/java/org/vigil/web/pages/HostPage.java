package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.vigil.web.auth.Access;
import org.vigil.model.HostView;
import org.vigil.web.model.Monitor;
import org.vigil.model.StatusSnapshot;

/** {@code /host/{host}}: everything the engine knows about one host, its services, history and actions. */
@Path("/host/{host}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class HostPage {

    private final Pages pages;
    private final Monitor monitor;
    private final HistoryIndexes history;
    private final LogTails log;
    private final GraphCache graphs = new GraphCache();

    HostPage(Pages pages, Monitor monitor, HistoryIndexes history, LogTails log) {
        this.pages = pages;
        this.monitor = monitor;
        this.history = history;
        this.log = log;
    }

    @GET
    public DetailView show(@PathParam("host") String name, @Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        HostView h = s.stamp(visibleHost(s, a, name));
        return DetailView.host(pages.context(sc, uri, s, Pages.REFRESH_SECONDS), h,
                s.servicesOf(name).stream().filter(v -> a.canSee(v, s)).map(s::stamp).toList(),
                ObjectDetail.of(s, monitor, log, name, null, h.status()))
                .withTimeline(HistoryReader.of(history, s).timeline(
                        new org.vigil.web.history.Target(name, null), java.time.Instant.now()))
                .withGraphs(MetricGraphs.of(monitor.perfdata(), graphs, name, null,
                        System.currentTimeMillis() / 1000, java.time.ZoneId.systemDefault()));
    }

    /** The host, if the user may see it; else 404, the same as for a host that does not exist. */
    static HostView visibleHost(StatusSnapshot s, Access a, String name) {
        return s.host(name).filter(a::canSee).orElseThrow(() -> new NotFoundException("no host '" + name + "'"));
    }
}
