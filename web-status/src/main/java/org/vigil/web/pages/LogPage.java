package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.vigil.web.model.Monitor;
import org.vigil.model.StatusSnapshot;

/**
 * {@code /log}: Nagios's log (its newest 8 MB), newest first, {@value #PAGE} lines a page, filtered by kind of
 * line, host, service, text and time; a contact-bound user sees only the lines of its hosts and services.
 */
@Path("/log")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class LogPage {

    static final int PAGE = 100;

    private final Pages pages;
    private final LogTails log;
    private final Clock clock;

    /** Relative times ({@code since=-1h}) count back from the system clock, in the system's zone. */
    public LogPage(Pages pages, Monitor monitor) {
        this(pages, new LogTails(monitor), Clock.systemDefaultZone());
    }

    LogPage(Pages pages, LogTails log, Clock clock) {
        this.pages = pages;
        this.log = log;
        this.clock = clock;
    }

    @GET
    public LogView show(@QueryParam("type") String type, @QueryParam("host") String host,
                        @QueryParam("service") String service, @QueryParam("text") String text,
                        @QueryParam("since") String since, @QueryParam("until") String until,
                        @QueryParam("page") String page, @Context SecurityContext sc, @Context UriInfo uri) {
        LogFilter f = LogFilter.of(type, host, service, text, since, until, page, clock);
        StatusSnapshot s = pages.snapshot();
        LogSlice slice = LogSlice.newest(log, f.predicate().and(LogSlice.visibleTo(pages.access(sc), s)),
                (f.page() - 1) * PAGE, PAGE);
        // the log is read, not watched: no auto-refresh, so paging back through it is not interrupted
        return new LogView(pages.context(sc, uri, s, 0), f, slice);
    }
}
