package org.vigil.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.model.GraphRange;
import org.vigil.web.model.MetricSeries;
import org.vigil.web.model.PerfdataSource;

/**
 * {@code GET /api/v1/hosts/{host}/perfdata} and {@code GET /api/v1/hosts/{host}/services/{service}/perfdata}: the
 * recorded series of each metric of the host's check or the service, over {@code range=4h|25h|7d|30d|1y} (25h when
 * none) or from {@code start} to {@code end} (seconds since the epoch or ISO-8601 instants; {@code end} defaults
 * to now). The same visibility as the object's own endpoint: an object the user may not see is a 404.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class PerfdataResource {

    /** The longest span asked for with start and end: the store keeps four years at most. */
    static final long MAX_SPAN = 5 * 366 * 86400L;

    private final ReadModel reader;
    private final PerfdataSource source;
    private final Clock clock;

    public PerfdataResource(ReadModel reader, PerfdataSource source, Clock clock) {
        this.reader = reader;
        this.source = source;
        this.clock = clock;
    }

    /** The answer: the span (seconds since the epoch) and each metric's series, by label. */
    public record Reply(String host, String service, long start, long end, List<MetricSeries> metrics) {
    }

    @GET
    @Path("hosts/{host}/perfdata")
    public Reply host(@PathParam("host") String host, @QueryParam("range") String range,
                      @QueryParam("start") String start, @QueryParam("end") String end, @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        StatusResource.visibleHost(s, StatusResource.access(sc), host);
        return reply(host, null, range, start, end);
    }

    @GET
    @Path("hosts/{host}/services/{service: .+}/perfdata")
    public Reply service(@PathParam("host") String host, @PathParam("service") String service,
                         @QueryParam("range") String range, @QueryParam("start") String start,
                         @QueryParam("end") String end, @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        StatusResource.visibleService(s, StatusResource.access(sc), host, service);
        return reply(host, service, range, start, end);
    }

    /** The same as {@link #service}, at the path of the other service resources ({@code /services/{host}/{service}}). */
    @GET
    @Path("services/{host}/{service}/perfdata")
    public Reply serviceAtServicePath(@PathParam("host") String host, @PathParam("service") String service,
                                      @QueryParam("range") String range, @QueryParam("start") String start,
                                      @QueryParam("end") String end, @Context SecurityContext sc) {
        return service(host, service, range, start, end, sc);
    }

    private Reply reply(String host, String service, String range, String start, String end) {
        if (!source.recording()) {
            throw ApiException.notFound("perfdata is not recorded (perfdata.enabled is false in vigil.yml)");
        }
        long now = clock.instant().getEpochSecond();
        long to;
        long from;
        if (start != null || end != null) {
            if (range != null) {
                throw ApiException.badRequest("give range or start and end, not both");
            }
            to = end == null ? now : time("end", end);
            from = start == null ? to - GraphRange.H25.seconds() : time("start", start);
            if (from >= to) {
                throw ApiException.badRequest("start (" + from + ") is not before end (" + to + ")");
            }
            if (to - from > MAX_SPAN) {
                throw ApiException.badRequest("the span is longer than 5 years (the store keeps 4)");
            }
        } else {
            GraphRange r = range == null ? GraphRange.H25 : GraphRange.of(range).orElseThrow(() ->
                    ApiException.badRequest("range: '" + range + "' is not a range (expected 4h, 25h, 7d, 30d or 1y)"));
            to = now;
            from = now - r.seconds();
        }
        return new Reply(host, service, from, to,
                source.series(host, service, from, to, GraphRange.resolution(to - from)));
    }

    private static long time(String name, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(text.strip()).getEpochSecond();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(name + ": '" + text
                        + "' is not a time (expected seconds since the epoch or an ISO-8601 instant)");
            }
        }
    }
}
