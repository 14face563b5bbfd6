package org.vigil.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.web.auth.Access;
import org.vigil.web.model.EventLog;
import org.vigil.web.model.LogEntry;
import org.vigil.web.model.Monitor;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;

/**
 * {@code GET /api/v1/log}: the newest lines of Nagios's {@code log_file} (within its last 8 MB),
 * newest first, filtered by {@code type} ({@code SERVICE ALERT}...), {@code host}, {@code service} and {@code text}.
 * A contact-bound user sees only lines of hosts and services it may see.
 */
@Path("/api/v1/log")
@Produces(MediaType.APPLICATION_JSON)
public final class LogResource {

    private final Monitor monitor;
    private final ReadModel reader;

    public LogResource(Monitor monitor, ReadModel reader) {
        this.monitor = monitor;
        this.reader = reader;
    }

    @GET
    public List<LogEntry> log(@QueryParam("type") String type, @QueryParam("host") String host,
                              @QueryParam("service") String service, @QueryParam("text") String text,
                              @QueryParam("limit") String limit, @Context SecurityContext sc) {
        int max = ListQuery.limit(limit);
        java.nio.file.Path file = monitor.logFile()
                .orElseThrow(() -> new ApiException(404, "not found", "no log_file is set in nagios.cfg"));
        List<String> lines;
        try {
            lines = EventLog.tail(file);
        } catch (IOException e) {
            throw new ApiException(503, "unavailable", "cannot read the log file: " + e.getMessage());
        }
        StatusSnapshot s = reader.current();
        Access a = StatusResource.access(sc);
        List<LogEntry> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && out.size() < max; i--) {
            LogEntry e = EventLog.parse(lines.get(i));
            if (e == null || (type != null && !e.type().equalsIgnoreCase(type.strip()))
                    || (host != null && !host.equals(e.host())) || (service != null && !service.equals(e.service()))
                    || (text != null && !ListQuery.contains(text, e.message()))) {
                continue;
            }
            if (!a.user().allObjects() && (e.host() == null || !a.canSee(e.host(), e.service(), s))) {
                continue;
            }
            out.add(e);
        }
        return out;
    }
}
