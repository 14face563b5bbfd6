package org.vigil.engine.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.ack.Acknowledgement;
import org.vigil.engine.comment.Comment;

/**
 * The comment and acknowledgement commands, as Nagios 4.4.6's {@code cmd_add_comment},
 * {@code cmd_delete_comment}, {@code cmd_delete_all_comments}, {@code cmd_acknowledge_problem} and
 * {@code cmd_remove_acknowledgement} carry them out. Arguments arrive checked by {@link CommandParser}. Engine
 * thread only.
 *
 * <p>Where Nagios silently does nothing, Vigil fails the command with the reason (see docs/compatibility.md):
 * an acknowledgement of an UP host or OK service, and the deletion of a comment id that is not a comment of
 * the command's kind. Where Nagios has no limit, Vigil refuses a comment or acknowledgement past
 * {@link EntryLimits}.
 */
final class CommentCommands {

    private final Engine engine;
    private final EntryCaps caps;

    CommentCommands(Engine engine, EntryCaps caps) {
        this.engine = engine;
        this.caps = caps;
    }

    /**
     * {@code persistent;author;comment}, entered at the command's entry time, as Nagios does; refused when the
     * object or the engine holds the most comments {@link EntryLimits} allows.
     */
    Optional<String> add(CheckTarget target, List<String> args, ExternalCommand c) {
        Optional<String> full = caps.commentRoom(target);
        if (full.isPresent()) {
            return full;
        }
        engine.comments().addUserComment(target, args.get(1), args.get(2), flag(args.get(0)), c.submitted());
        return Optional.empty();
    }

    /** Deletes a comment of the command's kind (host or service); Nagios leaves the other kind alone. */
    Optional<String> delete(String idText, boolean host) {
        long id = Long.parseLong(idText.strip());
        Optional<Comment> found = engine.comments().get(id);
        String kind = host ? "host" : "service";
        if (found.isEmpty()) {
            return Optional.of("there is no comment with id " + id);
        }
        if (found.get().isHostComment() != host) {
            return Optional.of("comment " + id + " is not a " + kind + " comment (DEL_"
                    + (host ? "SVC" : "HOST") + "_COMMENT deletes it)");
        }
        engine.comments().delete(id);
        return Optional.empty();
    }

    Optional<String> deleteAll(CheckTarget target) {
        engine.comments().deleteAll(target);
        return Optional.empty();
    }

    /**
     * {@code sticky;notify;persistent;[end_time;]author;comment}: sticky is 2, the flags count when above 0, as in Nagios.
     * An acknowledgement adds a comment, so it is refused, before anything changes, where a comment would be.
     */
    Optional<String> acknowledge(CheckTarget target, List<String> args) {
        if (!engine.statusOf(target).currentState().isOk()) {
            Optional<String> full = caps.commentRoom(target);
            if (full.isPresent()) {
                return full;
            }
        }
        // the _EXPIRE commands have end_time between persistent and author
        boolean expiring = args.size() == 6;
        Instant end = expiring ? Instant.ofEpochSecond(number(args.get(3))) : Instant.EPOCH;
        int rest = expiring ? 4 : 3;
        Acknowledgement ack = new Acknowledgement(number(args.get(0)) == 2, flag(args.get(1)), flag(args.get(2)),
                args.get(rest), args.get(rest + 1), end);
        if (!engine.acknowledge(target, ack)) {
            String state = engine.statusOf(target).currentState().name();
            return Optional.of(EntryCaps.describe(target) + " is " + state + ": there is no problem to acknowledge");
        }
        return Optional.empty();
    }

    Optional<String> removeAcknowledgement(CheckTarget target) {
        engine.removeAcknowledgement(target);
        return Optional.empty();
    }

    private static boolean flag(String s) {
        return number(s) > 0;
    }

    private static long number(String s) {
        return Long.parseLong(s.strip());
    }
}
