package org.vigil.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.vigil.engine.sweep.Sweep;
import org.vigil.engine.sweep.SweepReport;
import org.vigil.engine.sweep.SweepRequest;
import org.vigil.engine.sweep.Sweeps;
import org.vigil.web.model.Monitor;

/**
 * Sweeps over HTTP, through the same {@code SweepService} as {@code vigil sweep}: {@code POST /api/v1/sweeps} with
 * the CLI's filters as query parameters ({@code host}, {@code hostgroup}, {@code servicegroup}, {@code service},
 * {@code state}) starts one and answers 202 with its id and progress; {@code GET /api/v1/sweeps/{id}} polls it (the
 * summary once it is over); {@code POST /api/v1/sweeps/{id}/cancel} cancels it. A sweep runs checks of any object it
 * selects, so only users who see every object may start or cancel one.
 */
@Path("/api/v1/sweeps")
@Produces(MediaType.APPLICATION_JSON)
public final class SweepResource {

    private final Monitor monitor;

    public SweepResource(Monitor monitor) {
        this.monitor = monitor;
    }

    @POST
    public Response start(@Context UriInfo uri, @Context SecurityContext sc) {
        requireAllObjects(sc);
        SweepRequest.Parsed parsed = SweepRequest.parse(uri.getQueryParameters());
        if (parsed.request().isEmpty()) {
            throw ApiException.badRequest(String.join("; ", parsed.errors()));
        }
        Sweeps.Start start = monitor.sweeps().start(parsed.request().get());
        Sweep sweep = start.sweep().orElseThrow(() -> ApiException.badRequest(String.join("; ", start.errors())));
        return Response.status(202).header("Location", "/api/v1/sweeps/" + sweep.id())
                .entity(SweepReport.json(sweep.progress())).build();
    }

    @GET
    public String list() {
        return monitor.sweeps().list().stream().map(SweepReport::json).collect(Collectors.joining(",", "[", "]"));
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        Sweep sweep = monitor.sweeps().get(Bodies.id("sweep", id))
                .orElseThrow(() -> ApiException.notFound("no sweep " + id));
        return sweep.summary().map(SweepReport::json).orElseGet(() -> SweepReport.json(sweep.progress()));
    }

    @POST
    @Path("{id}/cancel")
    public String cancel(@PathParam("id") String id, @Context SecurityContext sc) {
        requireAllObjects(sc);
        long n = Bodies.id("sweep", id);
        monitor.sweeps().get(n).orElseThrow(() -> ApiException.notFound("no sweep " + id));
        if (!monitor.sweeps().cancel(n)) {
            throw new ApiException(409, "conflict", "sweep " + id + " is already over");
        }
        return get(id);
    }

    private static void requireAllObjects(SecurityContext sc) {
        if (!StatusResource.user(sc).allObjects()) {
            throw new ApiException(403, "forbidden", "a sweep runs the checks of every object it selects; only users "
                    + "with all_objects may start or cancel one");
        }
    }
}
