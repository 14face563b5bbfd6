package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.auth.Access;
import org.vigil.web.history.Availability;
import org.vigil.web.history.AvailabilityCsv;
import org.vigil.web.history.Target;

/**
 * {@code /availability}: avail.cgi's availability report from the Nagios log, for a host (with its services), a
 * service, a host group's hosts or a service group's services and their hosts, over a chosen period; with
 * {@code csvoutput} the same as avail.cgi's CSV. Only objects the user may see are reported.
 */
@Path("/availability")
public final class AvailabilityPage {

    private final Pages pages;
    private final HistoryIndexes history;

    AvailabilityPage(Pages pages, HistoryIndexes history) {
        this.pages = pages;
        this.history = history;
    }

    @GET
    public Response show(@QueryParam("host") String host, @QueryParam("service") String service,
                         @QueryParam("hostgroup") String hostgroup, @QueryParam("servicegroup") String servicegroup,
                         @QueryParam("timeperiod") String timeperiod, @QueryParam("t1") String t1,
                         @QueryParam("t2") String t2, @QueryParam("assumeinitialstates") String initial,
                         @QueryParam("assumestateretention") String retention,
                         @QueryParam("assumestatesduringnotrunning") String notRunning,
                         @QueryParam("includesoftstates") String soft, @QueryParam("csvoutput") String csv,
                         @Context SecurityContext sc, @Context UriInfo uri) {
        StatusSnapshot s = pages.snapshot();
        Instant now = Instant.now();
        AvailabilityQuery q = AvailabilityQuery.of(host, service, hostgroup, servicegroup, timeperiod, t1, t2,
                initial, retention, notRunning, soft, now, ZoneId.systemDefault());
        List<Target> targets = targets(q, s, pages.access(sc));
        List<Availability> report = targets.isEmpty() ? List.of()
                : HistoryReader.of(history, s).availability(targets, q.period(), q.assume(), now);
        List<Availability> hosts = report.stream().filter(a -> a.service() == null).toList();
        List<Availability> services = report.stream().filter(a -> a.service() != null).toList();
        if (csv != null && !q.kind().isEmpty()) {
            String text = switch (q.kind()) {
                case "host" -> AvailabilityCsv.host(hosts.get(0));
                case "service" -> AvailabilityCsv.service(services.get(0));
                case "hostgroup" -> AvailabilityCsv.hostgroup(q.hostgroup(), hosts);
                default -> AvailabilityCsv.servicegroup(q.servicegroup(), services);
            };
            return Response.ok(text, "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"availability.csv\"").build();
        }
        return Response.ok(new AvailabilityView(pages.context(sc, uri, s, 0), q, hosts, services, s),
                MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }

    /** The subjects of the report, as avail.cgi picks them; an unknown object is a 404. */
    private static List<Target> targets(AvailabilityQuery q, StatusSnapshot s, Access a) {
        List<Target> out = new ArrayList<>();
        switch (q.kind()) {
            case "service" -> {
                s.service(q.host(), q.service()).filter(v -> a.canSee(v, s)).orElseThrow(() ->
                        new NotFoundException("no service '" + q.service() + "' on host '" + q.host() + "'"));
                out.add(new Target(q.host(), q.service()));
            }
            case "host" -> {
                s.host(q.host()).filter(a::canSee)
                        .orElseThrow(() -> new NotFoundException("no host '" + q.host() + "'"));
                out.add(new Target(q.host(), null));
                s.servicesOf(q.host()).stream().filter(v -> a.canSee(v, s))
                        .forEach(v -> out.add(new Target(v.host(), v.description())));
            }
            case "hostgroup" -> {
                group(s.hostGroups(), q.hostgroup(), "host group");
                s.hostsOfHostGroup(q.hostgroup()).stream().filter(a::canSee)
                        .forEach(h -> out.add(new Target(h.name(), null)));
            }
            case "servicegroup" -> {
                group(s.serviceGroups(), q.servicegroup(), "service group");
                Set<String> hosts = new LinkedHashSet<>();
                for (ServiceView v : s.servicesOfServiceGroup(q.servicegroup())) {
                    if (a.canSee(v, s)) {
                        out.add(new Target(v.host(), v.description()));
                        if (a.canSee(v.host(), null, s)) {
                            hosts.add(v.host());
                        }
                    }
                }
                hosts.forEach(h -> out.add(new Target(h, null)));
            }
            default -> { }
        }
        return out;
    }

    private static void group(List<org.vigil.model.GroupView> groups, String name, String what) {
        if (groups.stream().noneMatch(g -> g.name().equals(name))) {
            throw new NotFoundException("no " + what + " '" + name + "'");
        }
    }
}
