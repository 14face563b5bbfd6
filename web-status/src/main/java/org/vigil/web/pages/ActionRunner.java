package org.vigil.web.pages;

import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.vigil.web.api.ActionResource;
import org.vigil.web.api.Actions;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.Bodies;
import org.vigil.web.api.StatusResource;
import org.vigil.web.auth.Access;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;
import org.vigil.model.StatusSnapshot;

/**
 * Carries out a page action: resolves every target first (one the user may not see is a 404 and nothing is
 * done), checks the fields, then runs one command per target through the JSON API's actions
 * ({@link ActionResource}), so the pages and the API share the checks and the command file's path.
 */
final class ActionRunner {

    /** The author the commands carry without authentication; with it, the user's name (as the API does). */
    static final String AUTHOR = "vigil-web";

    /**
     * The most targets one action takes: twice the 5,000 the issue asks for. The request body for them is allowed
     * by {@link org.vigil.web.api.BodyLimit#ACTION_FORM_BYTES}.
     */
    static final int MAX_TARGETS = 10_000;

    private final ActionResource api;
    private final Pages pages;

    ActionRunner(ActionResource api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    /** The targets named in a form or link, each one the user may see; else a 404 (or 400 for a bad id). */
    List<ActionTarget> targets(PageAction action, List<String> raw, SecurityContext sc) {
        StatusSnapshot s = pages.reader().fresh();
        Access access = StatusResource.access(sc);
        LinkedHashSet<String> distinct = new LinkedHashSet<>(raw);
        distinct.removeIf(t -> t == null || t.isBlank());
        if (distinct.size() > MAX_TARGETS) {
            throw ApiException.badRequest(distinct.size() + " targets chosen: one action takes at most " + MAX_TARGETS
                    + "; narrow the list with its filters and act on each part");
        }
        // one index per kind of entry, not a scan of all of them per target (5,000 downtimes removed at once)
        Map<Long, DowntimeView> downtimes = action.targets() == PageAction.Targets.DOWNTIMES
                ? s.downtimes().stream().collect(Collectors.toMap(DowntimeView::id, d -> d, (x, y) -> x)) : Map.of();
        Map<Long, CommentView> comments = action.targets() == PageAction.Targets.COMMENTS
                ? s.comments().stream().collect(Collectors.toMap(CommentView::id, c -> c, (x, y) -> x)) : Map.of();
        List<ActionTarget> out = new ArrayList<>(distinct.size());
        for (String t : distinct) {
            out.add(switch (action.targets()) {
                case OBJECTS -> object(s, access, t);
                case DOWNTIMES -> {
                    long id = Bodies.id("downtime", t.strip());
                    DowntimeView d = downtimes.get(id);
                    if (d == null || !access.canSee(d.host(), d.service(), s)) {
                        throw ApiException.notFound("no downtime " + id);
                    }
                    yield ActionTarget.entry("downtime_id", id, "Downtime", d.host(), d.service());
                }
                case COMMENTS -> {
                    long id = Bodies.id("comment", t.strip());
                    CommentView c = comments.get(id);
                    if (c == null || !access.canSee(c.host(), c.service(), s)) {
                        throw ApiException.notFound("no comment " + id);
                    }
                    yield ActionTarget.entry("comment_id", id, "Comment", c.host(), c.service());
                }
            });
        }
        return out;
    }

    private static ActionTarget object(StatusSnapshot s, Access access, String t) {
        int semi = t.indexOf(';');
        if (semi < 0) {
            return ActionTarget.host(StatusResource.visibleHost(s, access, t).name());
        }
        String host = t.substring(0, semi);
        String service = t.substring(semi + 1);
        StatusResource.visibleService(s, access, host, service);
        return ActionTarget.service(host, service);
    }

    /** Checks the fields the action needs before anything runs; a 400 names the first bad one. */
    void check(PageAction action, ActionForm f, List<ActionTarget> targets) {
        if (targets.isEmpty()) {
            throw ApiException.badRequest(noTargets(action));
        }
        switch (action) {
            case ACKNOWLEDGE -> {
                f.comment();
                f.expires();
            }
            case ADD_COMMENT -> f.comment();
            case SCHEDULE_DOWNTIME -> {
                Actions.Downtime d = downtime(f, false);
                Bodies.downtimeArgs("host", null, d, AUTHOR);
            }
            case PASSIVE_RESULT -> {
                for (ActionTarget t : targets) {
                    if (t.isHost()) {
                        Bodies.hostCode(f.text("status"));
                    } else {
                        Bodies.serviceCode(f.text("status"));
                    }
                }
                f.output();
            }
            default -> {
                // no fields
            }
        }
    }

    /** Runs the action on every target, in order; a target the engine refuses does not stop the others. */
    List<ActionOutcome> run(PageAction action, ActionForm f, List<ActionTarget> targets, SecurityContext sc) {
        List<ActionOutcome> out = new ArrayList<>();
        for (ActionTarget t : targets) {
            try {
                out.add(new ActionOutcome(t, one(action, f, t, sc).command(), null));
            } catch (ApiException e) {
                out.add(new ActionOutcome(t, null, e.getMessage()));
            }
        }
        return out;
    }

    private Actions.Done one(PageAction action, ActionForm f, ActionTarget t, SecurityContext sc) {
        String h = t.host();
        String s = t.service();
        boolean host = t.isHost();
        return switch (action) {
            case RECHECK -> host ? api.recheckHost(h, null, sc) : api.recheckService(h, s, null, sc);
            case ACKNOWLEDGE -> {
                Actions.Acknowledge b = new Actions.Acknowledge(f.comment(), f.checked("sticky"), f.checked("notify"),
                        f.checked("persistent"), AUTHOR, f.expires());
                yield host ? api.acknowledgeHost(h, b, sc) : api.acknowledgeService(h, s, b, sc);
            }
            case REMOVE_ACKNOWLEDGEMENT -> host ? api.unacknowledgeHost(h, sc) : api.unacknowledgeService(h, s, sc);
            case SCHEDULE_DOWNTIME -> host ? api.hostDowntime(h, downtime(f, true), sc)
                    : api.serviceDowntime(h, s, downtime(f, false), sc);
            case REMOVE_DOWNTIME -> api.deleteDowntime(Long.toString(t.id()), sc);
            case ADD_COMMENT -> {
                Actions.AddComment b = new Actions.AddComment(f.comment(), f.checked("persistent"), AUTHOR);
                yield host ? api.commentHost(h, b, sc) : api.commentService(h, s, b, sc);
            }
            case REMOVE_COMMENT -> api.deleteComment(Long.toString(t.id()), sc);
            case ENABLE_NOTIFICATIONS, DISABLE_NOTIFICATIONS -> {
                Actions.Switch b = new Actions.Switch(action == PageAction.ENABLE_NOTIFICATIONS);
                yield host ? api.hostNotifications(h, b, sc) : api.serviceNotifications(h, s, b, sc);
            }
            case ENABLE_CHECKS, DISABLE_CHECKS -> {
                Actions.Switch b = new Actions.Switch(action == PageAction.ENABLE_CHECKS);
                yield host ? api.hostChecks(h, b, sc) : api.serviceChecks(h, s, b, sc);
            }
            case PASSIVE_RESULT -> {
                Actions.Result b = new Actions.Result(f.text("status"), f.text("output"));
                yield host ? api.hostResult(h, b, sc) : api.serviceResult(h, s, b, sc);
            }
        };
    }

    /** The downtime body; {@code with_services} and {@code child_hosts} only for a host (the API refuses them else). */
    private static Actions.Downtime downtime(ActionForm f, boolean host) {
        Boolean withServices = host && f.checked("with_services") ? Boolean.TRUE : null;
        String children = f.text("child_hosts").strip();
        String childHosts = host && !children.isEmpty() && !children.equals("none") ? children : null;
        String[] window = f.window();
        return new Actions.Downtime(window[0], window[1], f.checked("fixed"), f.durationSeconds(), f.triggerId(),
                f.comment(), withServices, AUTHOR, childHosts);
    }

    static String noTargets(PageAction a) {
        return a.targets() == PageAction.Targets.OBJECTS ? "no target: choose at least one host or service"
                : "no target: choose at least one " + (a == PageAction.REMOVE_DOWNTIME ? "downtime" : "comment");
    }

    static Optional<PageAction> action(String name) {
        return name == null ? Optional.empty() : PageAction.named(name.strip());
    }
}
