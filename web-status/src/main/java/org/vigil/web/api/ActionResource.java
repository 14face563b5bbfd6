package org.vigil.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import org.vigil.engine.command.CommandType;
import org.vigil.web.auth.Access;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;
import org.vigil.model.StatusSnapshot;

/**
 * The actions of the JSON API, as POSTs mirroring Nagios's external commands. Each is checked here (object
 * visible, body complete), then carried out through the same command path as the external command file.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ActionResource {

    private final CommandRunner run;
    private final Clock clock;

    public ActionResource(CommandRunner run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    private String now() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    @POST
    @Path("hosts/{host}/recheck")
    public Actions.Done recheckHost(@PathParam("host") String host, Actions.Recheck body, @Context SecurityContext sc) {
        run.host(sc, host);
        boolean forced = body == null || body.forced() == null || body.forced();
        return run.call(forced ? CommandType.SCHEDULE_FORCED_HOST_CHECK : CommandType.SCHEDULE_HOST_CHECK, host, now());
    }

    @POST
    @Path("services/{host}/{service}/recheck")
    public Actions.Done recheckService(@PathParam("host") String host, @PathParam("service") String service,
                                       Actions.Recheck body, @Context SecurityContext sc) {
        run.service(sc, host, service);
        boolean forced = body == null || body.forced() == null || body.forced();
        return run.call(forced ? CommandType.SCHEDULE_FORCED_SVC_CHECK : CommandType.SCHEDULE_SVC_CHECK, host,
                service, now());
    }

    @POST
    @Path("hosts/{host}/acknowledge")
    public Actions.Done acknowledgeHost(@PathParam("host") String host, Actions.Acknowledge body,
                                        @Context SecurityContext sc) {
        run.host(sc, host);
        Actions.Acknowledge b = Bodies.required(body);
        return acknowledge(sc, b, host);
    }

    @POST
    @Path("services/{host}/{service}/acknowledge")
    public Actions.Done acknowledgeService(@PathParam("host") String host, @PathParam("service") String service,
                                           Actions.Acknowledge body, @Context SecurityContext sc) {
        run.service(sc, host, service);
        Actions.Acknowledge b = Bodies.required(body);
        return acknowledge(sc, b, host, service);
    }

    /**
     * {@code ACKNOWLEDGE_*_PROBLEM}, or with {@code expires} its {@code _EXPIRE} form (Icinga 1, Naemon), whose
     * {@code end_time} comes between persistent and author.
     */
    private Actions.Done acknowledge(SecurityContext sc, Actions.Acknowledge b, String... object) {
        boolean host = object.length == 1;
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(object));
        args.addAll(java.util.List.of(Bodies.sticky(b), Bodies.flag(b.sendNotification(), true),
                Bodies.flag(b.persistent(), false)));
        CommandType type = host ? CommandType.ACKNOWLEDGE_HOST_PROBLEM : CommandType.ACKNOWLEDGE_SVC_PROBLEM;
        if (b.expires() != null) {
            java.time.Instant end = Bodies.time("expires", b.expires());
            if (!end.isAfter(clock.instant())) {
                throw ApiException.badRequest("'expires' is " + end + ", not in the future: the acknowledgement "
                        + "would end before it starts");
            }
            args.add(Long.toString(end.getEpochSecond()));
            type = host ? CommandType.ACKNOWLEDGE_HOST_PROBLEM_EXPIRE : CommandType.ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;
        }
        args.add(run.author(sc, b.author()));
        args.add(Bodies.text("comment", b.comment()));
        return run.call(type, args.toArray(String[]::new));
    }

    @POST
    @Path("hosts/{host}/remove-acknowledgement")
    public Actions.Done unacknowledgeHost(@PathParam("host") String host, @Context SecurityContext sc) {
        run.host(sc, host);
        return run.call(CommandType.REMOVE_HOST_ACKNOWLEDGEMENT, host);
    }

    @POST
    @Path("services/{host}/{service}/remove-acknowledgement")
    public Actions.Done unacknowledgeService(@PathParam("host") String host, @PathParam("service") String service,
                                             @Context SecurityContext sc) {
        run.service(sc, host, service);
        return run.call(CommandType.REMOVE_SVC_ACKNOWLEDGEMENT, host, service);
    }

    @POST
    @Path("hosts/{host}/downtime")
    public Actions.Done hostDowntime(@PathParam("host") String host, Actions.Downtime body,
                                     @Context SecurityContext sc) {
        run.host(sc, host);
        Actions.Downtime b = Bodies.required(body);
        String[] args = Bodies.downtimeArgs(host, null, b, run.author(sc, b.author()));
        Actions.Done done = run.call(hostDowntimeType(b.childHosts()), args);
        if (!Boolean.TRUE.equals(b.withServices())) {
            return done;
        }
        // as Nagios's CGI does for "host and all its services": the host's downtime, then its services'
        Actions.Done services = run.call(CommandType.SCHEDULE_HOST_SVC_DOWNTIME, args);
        return new Actions.Done(true, done.command() + "\n" + services.command());
    }

    /** The host downtime command: with its child hosts (all, or triggered by this one) as Nagios's cmd.cgi offers. */
    private static CommandType hostDowntimeType(String childHosts) {
        if (childHosts == null || childHosts.isBlank() || childHosts.equals("none")) {
            return CommandType.SCHEDULE_HOST_DOWNTIME;
        }
        return switch (childHosts.strip()) {
            case "all" -> CommandType.SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;
            case "triggered" -> CommandType.SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME;
            default -> throw ApiException.badRequest("child_hosts is '" + childHosts + "': none, all (the same "
                    + "downtime for every host below) or triggered (theirs start with this one)");
        };
    }

    @POST
    @Path("services/{host}/{service}/downtime")
    public Actions.Done serviceDowntime(@PathParam("host") String host, @PathParam("service") String service,
                                        Actions.Downtime body, @Context SecurityContext sc) {
        run.service(sc, host, service);
        Actions.Downtime b = Bodies.required(body);
        if (b.withServices() != null || b.childHosts() != null) {
            throw ApiException.badRequest((b.withServices() != null ? "with_services" : "child_hosts")
                    + " is for host downtimes only");
        }
        return run.call(CommandType.SCHEDULE_SVC_DOWNTIME, Bodies.downtimeArgs(host, service, b,
                run.author(sc, b.author())));
    }

    @POST
    @Path("downtimes/{id}/delete")
    public Actions.Done deleteDowntime(@PathParam("id") String id, @Context SecurityContext sc) {
        long n = Bodies.id("downtime", id);
        StatusSnapshot s = run.fresh();
        Access a = StatusResource.access(sc);
        DowntimeView d = s.downtimes().stream().filter(v -> v.id() == n && a.canSee(v.host(), v.service(), s))
                .findFirst().orElseThrow(() -> ApiException.notFound("no downtime " + n));
        return run.call(d.service() == null ? CommandType.DEL_HOST_DOWNTIME : CommandType.DEL_SVC_DOWNTIME,
                Long.toString(n));
    }

    @POST
    @Path("hosts/{host}/comments")
    public Actions.Done commentHost(@PathParam("host") String host, Actions.AddComment body,
                                    @Context SecurityContext sc) {
        run.host(sc, host);
        Actions.AddComment b = Bodies.required(body);
        return run.call(CommandType.ADD_HOST_COMMENT, host, Bodies.flag(b.persistent(), true),
                run.author(sc, b.author()), Bodies.text("comment", b.comment()));
    }

    @POST
    @Path("services/{host}/{service}/comments")
    public Actions.Done commentService(@PathParam("host") String host, @PathParam("service") String service,
                                       Actions.AddComment body, @Context SecurityContext sc) {
        run.service(sc, host, service);
        Actions.AddComment b = Bodies.required(body);
        return run.call(CommandType.ADD_SVC_COMMENT, host, service, Bodies.flag(b.persistent(), true),
                run.author(sc, b.author()), Bodies.text("comment", b.comment()));
    }

    @POST
    @Path("comments/{id}/delete")
    public Actions.Done deleteComment(@PathParam("id") String id, @Context SecurityContext sc) {
        long n = Bodies.id("comment", id);
        StatusSnapshot s = run.fresh();
        Access a = StatusResource.access(sc);
        CommentView c = s.comments().stream().filter(v -> v.id() == n && a.canSee(v.host(), v.service(), s))
                .findFirst().orElseThrow(() -> ApiException.notFound("no comment " + n));
        return run.call(c.service() == null ? CommandType.DEL_HOST_COMMENT : CommandType.DEL_SVC_COMMENT,
                Long.toString(n));
    }

    @POST
    @Path("hosts/{host}/notifications")
    public Actions.Done hostNotifications(@PathParam("host") String host, Actions.Switch body,
                                          @Context SecurityContext sc) {
        run.host(sc, host);
        return run.call(Bodies.enabled(body) ? CommandType.ENABLE_HOST_NOTIFICATIONS
                : CommandType.DISABLE_HOST_NOTIFICATIONS, host);
    }

    @POST
    @Path("services/{host}/{service}/notifications")
    public Actions.Done serviceNotifications(@PathParam("host") String host, @PathParam("service") String service,
                                             Actions.Switch body, @Context SecurityContext sc) {
        run.service(sc, host, service);
        return run.call(Bodies.enabled(body) ? CommandType.ENABLE_SVC_NOTIFICATIONS
                : CommandType.DISABLE_SVC_NOTIFICATIONS, host, service);
    }

    @POST
    @Path("hosts/{host}/active-checks")
    public Actions.Done hostChecks(@PathParam("host") String host, Actions.Switch body, @Context SecurityContext sc) {
        run.host(sc, host);
        return run.call(Bodies.enabled(body) ? CommandType.ENABLE_HOST_CHECK : CommandType.DISABLE_HOST_CHECK, host);
    }

    @POST
    @Path("services/{host}/{service}/active-checks")
    public Actions.Done serviceChecks(@PathParam("host") String host, @PathParam("service") String service,
                                      Actions.Switch body, @Context SecurityContext sc) {
        run.service(sc, host, service);
        return run.call(Bodies.enabled(body) ? CommandType.ENABLE_SVC_CHECK : CommandType.DISABLE_SVC_CHECK, host,
                service);
    }

    @POST
    @Path("hosts/{host}/result")
    public Actions.Done hostResult(@PathParam("host") String host, Actions.Result body, @Context SecurityContext sc) {
        run.host(sc, host);
        Actions.Result b = Bodies.required(body);
        return run.call(CommandType.PROCESS_HOST_CHECK_RESULT, host, Bodies.hostCode(b.status()),
                Bodies.text("output", b.output()));
    }

    @POST
    @Path("services/{host}/{service}/result")
    public Actions.Done serviceResult(@PathParam("host") String host, @PathParam("service") String service,
                                      Actions.Result body, @Context SecurityContext sc) {
        run.service(sc, host, service);
        Actions.Result b = Bodies.required(body);
        return run.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, host, service, Bodies.serviceCode(b.status()),
                Bodies.text("output", b.output()));
    }
}
