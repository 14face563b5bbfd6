package org.vigil.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.vigil.engine.command.CommandType;
import org.vigil.model.CheckDetail;
import org.vigil.model.CheckView;
import org.vigil.model.StatusSnapshot;
import org.vigil.notify.delivery.email.ActionToken;
import org.vigil.notify.delivery.email.ActionTokens;
import org.vigil.notify.delivery.email.EmailActions;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxException;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.CommandRunner;
import org.vigil.web.auth.AuthContext;
import org.vigil.web.auth.BasicAuthFilter;
import org.vigil.web.auth.LoginThrottle;
import org.vigil.web.auth.Sessions;
import org.vigil.web.auth.WebUser;
import org.vigil.web.model.Monitor;

/**
 * {@code /email-action}, the target of a problem mail's "Acknowledge" and "Schedule downtime" links (issue 23).
 * GET shows what the link would do and changes nothing; POST (the token in the form body, and a logged-in
 * session's CSRF token as the other forms) acknowledges, sticky, as the link's contact, or schedules a fixed
 * downtime from now, through the command path of the pages' actions, and records the token used. No login is
 * needed: the signed token is the authority. Links that are refused (see {@link EmailActionRules}), and malformed or
 * forged ones, change nothing; forged ones count per client address like wrong passwords (the login's limits, a
 * table of their own) and a locked address is a 429.
 */
@Path("/" + EmailActionResource.PATH)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class EmailActionResource {

    /** The path, which {@link BasicAuthFilter} lets through without a login. */
    public static final String PATH = "email-action";
    /** The comment of an acknowledgement made from a mail. */
    static final String ACK_COMMENT = "acknowledged from email";
    /** The name forged links are counted under in the throttle. */
    private static final String THROTTLE_NAME = "(email link)";

    private final Pages pages;
    private final Monitor monitor;
    private final CommandRunner commands;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final ZoneId zone;

    public EmailActionResource(Pages pages, Monitor monitor, LoginThrottle throttle, Clock clock) {
        this.pages = pages;
        this.monitor = monitor;
        this.commands = new CommandRunner(monitor, pages.reader(), clock);
        this.throttle = throttle;
        this.clock = clock;
        this.zone = ZoneId.systemDefault();
    }

    @GET
    public Response confirm(@QueryParam("t") String token, @Context SecurityContext sc,
                            @Context HttpServletRequest servlet) {
        return decide(token, sc, servlet, false, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@FormParam("t") String token, @FormParam("csrf") String csrf, @Context SecurityContext sc,
                        @Context HttpServletRequest servlet) {
        return decide(token, sc, servlet, true, csrf);
    }

    private Response decide(String token, SecurityContext sc, HttpServletRequest servlet, boolean act, String csrf) {
        Optional<EmailActions> actions = monitor.emailActions();
        if (actions.isEmpty()) {
            return page(404, EmailActionView.refused("One-click actions from email are not enabled on this Vigil "
                    + "(notifications.email.actions in vigil.yml); nothing was done."));
        }
        String address = BasicAuthFilter.clientAddress(servlet);
        Optional<java.time.Duration> wait = throttle.waitFor(address, THROTTLE_NAME);
        if (wait.isPresent()) {
            return page(429, EmailActionView.refused("Too many invalid links from this address; try again in "
                    + Math.max(1, wait.get().getSeconds()) + " s. Nothing was done."));
        }
        if (act && AuthContext.session(sc) != null && !Sessions.sameToken(AuthContext.csrfToken(sc), csrf)) {
            return page(403, EmailActionView.refused("The form's security token (csrf) is missing or wrong, so "
                    + "nothing was done: open the link from the mail again."));
        }
        Optional<Outbox> outbox = monitor.outbox();
        if (outbox.isEmpty()) {
            return page(503, EmailActionView.refused("The notification outbox is not open yet; try again in a "
                    + "moment. Nothing was done."));
        }
        Instant now = clock.instant();
        ActionTokens.Checked checked = actions.get().tokens().verify(token, now);
        if (checked.status() == ActionTokens.Status.MALFORMED
                || checked.status() == ActionTokens.Status.BAD_SIGNATURE) {
            throttle.failed(address, THROTTLE_NAME);
        }
        StatusSnapshot s = pages.reader().fresh();
        ActionToken t = checked.token();
        Optional<EmailActionRules.Target> target = t == null ? Optional.empty() : target(s, t);
        WebUser user = AuthContext.authenticated(sc) ? AuthContext.user(sc) : null;
        try {
            Optional<Outbox.TokenUse> used = t == null ? Optional.empty() : outbox.get().tokenUse(t.id());
            EmailActionRules.Verdict v = EmailActionRules.decide(checked, target, used, user, zone);
            EmailActionView view = new EmailActionView(t, target.orElse(null), author(s, t), token,
                    AuthContext.csrfToken(sc), actions.get().downtime().toHours(), v.refusal(), null);
            if (!v.allowed() || !act) {
                return page(v.status(), view);
            }
            return carryOut(outbox.get(), t, author(s, t), actions.get(), view);
        } catch (OutboxException e) {
            return page(503, EmailActionView.refused(e.getMessage() + ". Nothing was done."));
        }
    }

    /** Marks the token used, then runs the command; a refused command frees the token again. */
    private Response carryOut(Outbox outbox, ActionToken t, String author, EmailActions actions,
                              EmailActionView view) {
        Instant now = clock.instant();
        Optional<Outbox.TokenUse> earlier = outbox.useToken(t.id(), author, t.expires());
        if (earlier.isPresent()) { // two clicks at once: the other one won
            return page(409, view.withRefusal(EmailActionRules.used(earlier.get(), zone).refusal()));
        }
        try {
            run(t, author, actions, now);
        } catch (ApiException e) {
            outbox.releaseToken(t.id());
            return page(e.status(), view.withRefusal("Vigil refused it: " + e.getMessage() + ". Nothing was done."));
        }
        String done = t.action() == ActionToken.Action.ACKNOWLEDGE ? "Acknowledged " + t.subject() + " as " + author
                + "." : "Scheduled " + actions.downtime().toHours() + " h of downtime for " + t.subject() + ", from "
                + EmailActionRules.time(now, zone) + ", as " + author + ".";
        return page(200, view.withDone(done));
    }

    private void run(ActionToken t, String author, EmailActions actions, Instant now) {
        boolean host = t.isHost();
        java.util.List<String> args = new java.util.ArrayList<>();
        args.add(t.host());
        if (!host) {
            args.add(t.service());
        }
        CommandType type;
        if (t.action() == ActionToken.Action.ACKNOWLEDGE) {
            type = host ? CommandType.ACKNOWLEDGE_HOST_PROBLEM : CommandType.ACKNOWLEDGE_SVC_PROBLEM;
            args.addAll(java.util.List.of("2", "1", "0", author, ACK_COMMENT)); // sticky, notify, not persistent
        } else {
            type = host ? CommandType.SCHEDULE_HOST_DOWNTIME : CommandType.SCHEDULE_SVC_DOWNTIME;
            long start = now.getEpochSecond();
            long seconds = actions.downtime().toSeconds();
            args.addAll(java.util.List.of(Long.toString(start), Long.toString(start + seconds), "1", "0",
                    Long.toString(seconds), author, "scheduled from email"));
        }
        commands.call(type, args.toArray(String[]::new));
    }

    /** The object's state and current problem id; empty when it no longer exists. */
    static Optional<EmailActionRules.Target> target(StatusSnapshot s, ActionToken t) {
        if (t.isHost()) {
            int at = s.hostPosition(t.host());
            if (at < 0) {
                return Optional.empty();
            }
            return Optional.of(of(s.hosts().get(at).status(), s.hostDetails().get(at)));
        }
        java.util.List<org.vigil.model.ServiceView> services = s.servicesOf(t.host());
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).description().equals(t.service())) {
                return Optional.of(of(services.get(i).status(), s.serviceDetailsOf(t.host()).get(i)));
            }
        }
        return Optional.empty();
    }

    private static EmailActionRules.Target of(CheckView c, CheckDetail d) {
        return new EmailActionRules.Target(c.state(), c.output(), d.currentProblemId(), c.acknowledged());
    }

    /** The contact's alias, else its name, made safe as a command's author (no ';', one line). */
    static String author(StatusSnapshot s, ActionToken t) {
        if (t == null) {
            return "";
        }
        String name = s.contacts().stream().filter(c -> c.name().equals(t.contact())).findFirst()
                .map(c -> c.alias() == null || c.alias().isBlank() ? c.name() : c.alias()).orElse(t.contact());
        return name.replace(';', ',').replaceAll("[\\r\\n]+", " ").strip();
    }

    private static Response page(int status, EmailActionView view) {
        return Response.status(status).entity(view).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
