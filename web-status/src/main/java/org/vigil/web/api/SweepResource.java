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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.vigil.engine.sweep.Sweep;
import org.vigil.engine.sweep.SweepReport;
import org.vigil.engine.sweep.SweepRequest;
import org.vigil.engine.sweep.Sweeps;
import org.vigil.web.auth.Access;
import org.vigil.web.auth.WebUser;
import org.vigil.web.model.Monitor;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;

/**
 * Sweeps over HTTP, through the same {@code SweepService} as {@code vigil sweep}: {@code POST /api/v1/sweeps} with
 * the CLI's filters as query parameters ({@code host}, {@code hostgroup}, {@code servicegroup}, {@code service},
 * {@code state}) starts one and answers 202 with its id and progress; {@code GET /api/v1/sweeps/{id}} polls it (the
 * summary once it is over); {@code POST /api/v1/sweeps/{id}/cancel} cancels it. A sweep runs checks of any object it
 * selects, so only users who see every object may start or cancel one. A sweep is shown (in the list, by id) only
 * to users who may see every object it names: to anyone else it does not exist (404, as an unknown id), so neither
 * the outputs nor the host names of objects they may not see reach them.
 */
@Path("/api/v1/sweeps")
@Produces(MediaType.APPLICATION_JSON)
public final class SweepResource {

    private final Monitor monitor;
    private final ReadModel reader;

    public SweepResource(Monitor monitor, ReadModel reader) {
        this.monitor = monitor;
        this.reader = reader;
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
    public String list(@Context SecurityContext sc) {
        return monitor.sweeps().sweeps().stream().filter(visibleTo(sc)).map(s -> SweepReport.json(s.progress()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id, @Context SecurityContext sc) {
        Sweep sweep = monitor.sweeps().get(Bodies.id("sweep", id)).filter(visibleTo(sc))
                .orElseThrow(() -> ApiException.notFound("no sweep " + id));
        return sweep.summary().map(SweepReport::json).orElseGet(() -> SweepReport.json(sweep.progress()));
    }

    /** Whether the user may see every object the sweep names (everyone with all_objects). */
    private Predicate<Sweep> visibleTo(SecurityContext sc) {
        WebUser user = StatusResource.user(sc);
        if (user.allObjects()) {
            return s -> true;
        }
        Access access = new Access(user);
        StatusSnapshot snapshot = reader.current();
        return s -> s.objects().stream().allMatch(o -> access.canSee(o.host(), o.service(), snapshot));
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
        return get(id, sc);
    }

    private static void requireAllObjects(SecurityContext sc) {
        if (!StatusResource.user(sc).allObjects()) {
            throw new ApiException(403, "forbidden", "a sweep runs the checks of every object it selects; only users "
                    + "with all_objects may start or cancel one");
        }
    }
}
