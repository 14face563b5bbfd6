package org.vigil.engine.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;

/**
 * The host and service comments, as Nagios 4.4's {@code comments.c} keeps them: in id order, each kept in
 * retention as it is added or deleted. Owned by the engine thread, like all runtime state; other features
 * (acknowledgements, downtimes, flapping) add and delete their comments here.
 */
public final class Comments {

    private final EntrySink sink;
    private final Map<Long, Comment> byId = new TreeMap<>();
    /** How many comments made by commands (user and acknowledgement) each object holds, for the command limits. */
    private final Map<ObjectKey, Integer> madeByCommands = new HashMap<>();
    private int madeByCommandsTotal;

    public Comments(EntrySink sink) {
        this.sink = sink;
    }

    /**
     * Adds a comment Vigil makes itself ({@code source} 0: acknowledgement, downtime, flapping) to
     * {@code target}, entered at {@code at}; returns its id. {@code type} is what it is for (Nagios's
     * {@code entry_type}).
     */
    public long add(CheckTarget target, CommentType type, String author, String text, boolean persistent, Instant at) {
        return add(new Comment(sink.nextEntryId(), key(target), type, seconds(at),
                author, text, persistent, false, false, Instant.EPOCH));
    }

    /**
     * {@link #add}, for a comment that {@code expires} at {@code expireTime} (an acknowledgement with an end time):
     * Nagios's comment fields {@code expires} and {@code expire_time}, so status.dat and the pages show when.
     */
    public long addExpiring(CheckTarget target, CommentType type, String author, String text, boolean persistent,
                            Instant at, Instant expireTime) {
        return add(new Comment(sink.nextEntryId(), key(target), type, seconds(at), author, text, persistent, false,
                true, seconds(expireTime)));
    }

    /** Adds a user comment from an external command ({@code ADD_HOST_COMMENT}, {@code ADD_SVC_COMMENT}). */
    public long addUserComment(CheckTarget target, String author, String text, boolean persistent, Instant at) {
        return add(new Comment(sink.nextEntryId(), key(target), CommentType.USER, seconds(at), author, text,
                persistent, true, false, Instant.EPOCH));
    }

    private long add(Comment c) {
        put(c);
        sink.saveEntry(c.toEntry());
        return c.id();
    }

    /** Deletes comment {@code id}; false if there is none. */
    public boolean delete(long id) {
        Comment c = byId.remove(id);
        if (c == null) {
            return false;
        }
        count(c, -1);
        sink.removeEntry(id);
        return true;
    }

    private void put(Comment c) {
        Comment old = byId.put(c.id(), c);
        if (old != null) {
            count(old, -1);
        }
        count(c, 1);
    }

    private void count(Comment c, int delta) {
        if (c.type() == CommentType.USER || c.type() == CommentType.ACKNOWLEDGEMENT) {
            madeByCommands.merge(c.object(), delta, (a, b) -> a + b == 0 ? null : a + b);
            madeByCommandsTotal += delta;
        }
    }

    /**
     * How many user and acknowledgement comments {@code target} holds: the comments commands make, which the
     * command limits count (a downtime's or flapping's comment goes with it, so it is bounded already).
     */
    public int madeByCommands(CheckTarget target) {
        return madeByCommands.getOrDefault(key(target), 0);
    }

    /** How many user and acknowledgement comments all objects hold together. */
    public int madeByCommands() {
        return madeByCommandsTotal;
    }

    /** The comment with this id. */
    public Optional<Comment> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Deletes every comment of {@code target} (for a host, its host comments only, as Nagios's
     * {@code delete_all_host_comments}); returns how many.
     */
    public int deleteAll(CheckTarget target) {
        ObjectKey key = key(target);
        return deleteWhere(c -> c.object().equals(key));
    }

    /**
     * Deletes the acknowledgement comments of {@code target} that are not persistent, as Nagios does when an
     * acknowledgement is removed or ends; returns how many.
     */
    public int deleteAcknowledgementComments(CheckTarget target) {
        ObjectKey key = key(target);
        return deleteWhere(c -> c.object().equals(key) && c.type() == CommentType.ACKNOWLEDGEMENT && !c.persistent());
    }

    private int deleteWhere(Predicate<Comment> which) {
        List<Long> ids = byId.values().stream().filter(which).map(Comment::id).toList();
        ids.forEach(this::delete);
        return ids.size();
    }

    /** The comments of {@code target}, in id order. */
    public List<Comment> of(CheckTarget target) {
        ObjectKey key = key(target);
        return byId.values().stream().filter(c -> c.object().equals(key)).toList();
    }

    /** All comments in id order, as status.dat lists them. */
    public Collection<Comment> all() {
        return Collections.unmodifiableCollection(new ArrayList<>(byId.values()));
    }

    /**
     * Takes back the comments retained at the last run, with Nagios's rule for reading retention: a comment
     * whose object no longer exists is dropped; an acknowledgement comment that is not persistent only while
     * its object is still acknowledged; any other comment only if it is persistent. Dropped ones are removed
     * from retention too. Entries of other kinds are left alone.
     *
     * @param target the object of a retained key, empty when the config no longer defines it
     * @param acknowledged whether an object is acknowledged now (its retained state was restored first)
     * @return the problems met (damaged entries, which are dropped), for the log
     */
    public List<String> restore(List<Entry> entries, Function<ObjectKey, Optional<CheckTarget>> target,
                                Predicate<CheckTarget> acknowledged) {
        return restore(entries, target, acknowledged, false);
    }

    /** {@link #restore}, keeping every comment of an existing object when {@code keepAll} (a reload, not a restart). */
    public List<String> restore(List<Entry> entries, Function<ObjectKey, Optional<CheckTarget>> target,
                                Predicate<CheckTarget> acknowledged, boolean keepAll) {
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() != Entry.Kind.COMMENT) {
                continue;
            }
            Comment c;
            try {
                c = Comment.fromEntry(e);
            } catch (IllegalArgumentException damaged) {
                problems.add("comment " + e.id() + " of " + e.object() + " is damaged (" + damaged.getMessage()
                        + "); it is dropped");
                sink.removeEntry(e.id());
                continue;
            }
            Optional<CheckTarget> t = target.apply(c.object());
            // a downtime's comment stays with its downtime, which deletes it when it ends (Nagios adds it again)
            boolean keep = t.isPresent() && (keepAll || c.type() == CommentType.ACKNOWLEDGEMENT
                    ? c.persistent() || acknowledged.test(t.get())
                    : c.persistent() || c.type() == CommentType.DOWNTIME);
            if (keep) {
                put(c);
            } else {
                sink.removeEntry(c.id());
            }
        }
        return problems;
    }

    /** The retention key of a check target. */
    public static ObjectKey key(CheckTarget t) {
        return t.isHost() ? ObjectKey.host(t.hostName()) : ObjectKey.service(t.hostName(), t.service().description());
    }

    private static Instant seconds(Instant at) {
        return Instant.ofEpochSecond(at.getEpochSecond());
    }
}
