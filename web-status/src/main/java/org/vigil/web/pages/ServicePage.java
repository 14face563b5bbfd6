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
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/** {@code /service/{host}/{service}}: everything the engine knows about one service, its history and actions. */
@Path("/service/{host}/{service: .+}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ServicePage {

    private final Pages pages;
    private final Monitor monitor;
    private final HistoryIndexes history;
    private final LogTails log;
    private final GraphCache graphs = new GraphCache();

    ServicePage(Pages pages, Monitor monitor, HistoryIndexes history, LogTails log) {
        this.pages = pages;
        this.monitor = monitor;
        this.history = history;
        this.log = log;
    }

    @GET
    public DetailView show(@PathParam("host") String host, @PathParam("service") String service,
                           @Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        ServiceView v = s.service(host, service).filter(x -> a.canSee(x, s)).map(s::stamp)
                .orElseThrow(() -> new NotFoundException("no service '" + service + "' on host '" + host + "'"));
        // a user may see a service without seeing its host (a contact of the service only): show its state anyway
        HostView h = s.host(host).map(s::stamp).orElseThrow(() -> new NotFoundException("no host '" + host + "'"));
        return DetailView.service(pages.context(sc, uri, s, Pages.REFRESH_SECONDS), h, v,
                ObjectDetail.of(s, monitor, log, host, service, v.status()), a.canSee(h))
                .withTimeline(HistoryReader.of(history, s).timeline(
                        new org.vigil.web.history.Target(host, service), java.time.Instant.now()))
                .withGraphs(MetricGraphs.of(monitor.perfdata(), graphs, host, service,
                        System.currentTimeMillis() / 1000, java.time.ZoneId.systemDefault()));
    }
}
