package org.vigil.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.web.model.GearmanReport;

/**
 * {@code GET /api/v1/gearman}: the dispatch to gearmand (issue 20): its queues as gearmand counts them, each
 * server reachable or not, the central node's counters and whether the local fallback runs the checks. 404 when no
 * gearman section is configured. Every user sees it, as the program status: it names no host or service.
 */
@Path("/api/v1/gearman")
@Produces(MediaType.APPLICATION_JSON)
public final class GearmanResource {

    /** What the API and the page answer when checks do not go to gearmand. */
    public static final String NOT_CONFIGURED = "gearman is not configured: checks run on this machine";

    private final Optional<Supplier<GearmanReport>> gearman;

    public GearmanResource(Optional<Supplier<GearmanReport>> gearman) {
        this.gearman = gearman;
    }

    /** The answer: the report's fields with the totals over the queues; absent values are null. */
    public record Reply(Instant takenAt, boolean fallback, Instant unreachableSince, long queueDepth,
                        long jobsWaiting, long jobsRunning, double resultLatencySeconds, GearmanReport.Counts counts,
                        List<GearmanReport.Queue> queues, List<Server> servers, String lastProblem) {
    }

    /** One gearmand: {@code problem} is null when it answered. */
    public record Server(String server, boolean up, String problem, Instant polledAt, long workers) {
    }

    @GET
    public Reply gearman() {
        GearmanReport r = gearman.orElseThrow(() -> ApiException.notFound(NOT_CONFIGURED)).get();
        return new Reply(r.takenAt(), r.fallback(), r.unreachableSince().orElse(null), r.queueDepth(),
                r.jobsWaiting(), r.jobsRunning(), r.resultLatencyMs() / 1000.0, r.counts(), r.queues(),
                r.servers().stream().map(s -> new Server(s.server(), s.up(), s.problem().orElse(null),
                        s.polledAt(), s.workers())).toList(),
                r.lastProblem().orElse(null));
    }
}
