package org.vigil.engine.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;

/**
 * Checks a command against the {@link EntryLimits} before it adds comments or downtimes: the reason it is refused,
 * naming the object and the vigil.yml key, or empty when there is room for all it adds. Engine thread only.
 */
final class EntryCaps {

    private final Engine engine;
    private final EntryLimits limits;

    EntryCaps(Engine engine, EntryLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    /** Whether {@code target} and the engine have room for one more comment made by a command. */
    Optional<String> commentRoom(CheckTarget target) {
        int held = engine.comments().madeByCommands(target);
        if (held >= limits.commentsPerObject()) {
            return Optional.of(describe(target) + " has " + count(held, "comment") + ", the most allowed per object"
                    + " (limits.max_comments_per_object in vigil.yml); delete some first");
        }
        int total = engine.comments().madeByCommands();
        if (total >= limits.comments()) {
            return Optional.of("there are " + count(total, "comment") + ", the most allowed (limits.max_comments in"
                    + " vigil.yml); delete some first");
        }
        return Optional.empty();
    }

    /** The downtimes a command may still add before the total limit is reached. */
    int downtimesLeft() {
        return Math.max(0, limits.downtimes() - engine.downtimes().count());
    }

    /**
     * Whether there is room for a downtime on each of {@code targets} (an object listed twice gets two).
     * {@code more} says the command would add more than {@code targets} (a propagation cut short at the total).
     */
    Optional<String> downtimeRoom(List<CheckTarget> targets, boolean more) {
        int total = engine.downtimes().count();
        if (more || total + targets.size() > limits.downtimes()) {
            return Optional.of("there are " + count(total, "downtime") + " and this command adds "
                    + (more ? "more than " : "") + targets.size() + ", past the most allowed, " + limits.downtimes()
                    + " (limits.max_downtimes in vigil.yml)");
        }
        Map<CheckTarget, Integer> adding = new HashMap<>();
        for (CheckTarget t : targets) {
            adding.merge(t, 1, Integer::sum);
        }
        for (CheckTarget t : targets) {
            int held = engine.downtimes().count(t);
            int added = adding.get(t);
            if (held + added > limits.downtimesPerObject()) {
                return Optional.of(describe(t) + " has " + count(held, "downtime") + (added > 1 ? " and this command"
                        + " adds " + added : "") + ", the most allowed per object is " + limits.downtimesPerObject()
                        + " (limits.max_downtimes_per_object in vigil.yml)");
            }
        }
        return Optional.empty();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** {@code host 'web1'} or {@code service 'http' on host 'web1'}, as the commands' other reasons name objects. */
    static String describe(CheckTarget t) {
        return t.isHost() ? "host '" + t.hostName() + "'"
                : "service '" + t.service().description() + "' on host '" + t.hostName() + "'";
    }
}
