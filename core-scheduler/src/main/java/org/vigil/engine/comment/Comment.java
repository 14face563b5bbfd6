package org.vigil.engine.comment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;

/**
 * One host or service comment with Nagios's fields ({@code comments.h}); immutable. {@code object} is the host
 * or service it is attached to. {@code external} is Nagios's {@code source}: 1 for comments from an external
 * command, 0 for those Nagios makes itself (acknowledgements, downtimes, flapping).
 */
public record Comment(long id, ObjectKey object, CommentType type, Instant entryTime, String author, String text,
                      boolean persistent, boolean external, boolean expires, Instant expireTime) {

    public Comment {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expireTime, "expireTime");
        if (object.kind() != ObjectKey.Kind.HOST && object.kind() != ObjectKey.Kind.SERVICE) {
            throw new IllegalArgumentException("comments are attached to hosts and services, not to " + object);
        }
    }

    /** Whether this is a host comment ({@code hostcomment}), else a service comment. */
    public boolean isHostComment() {
        return object.kind() == ObjectKey.Kind.HOST;
    }

    /** The comment as a retention entry; its fields are named as in status.dat and retention.dat. */
    public Entry toEntry() {
        Map<String, String> f = new HashMap<>();
        f.put("entry_type", Integer.toString(type.code()));
        f.put("entry_time", Long.toString(entryTime.getEpochSecond()));
        f.put("author", author);
        f.put("comment_data", text);
        f.put("persistent", flag(persistent));
        f.put("source", flag(external));
        f.put("expires", flag(expires));
        f.put("expire_time", Long.toString(expireTime.getEpochSecond()));
        return new Entry(Entry.Kind.COMMENT, id, object, f);
    }

    /**
     * The comment a retention entry holds; an entry whose fields are damaged (a type or time that is not a
     * number) gives an {@link IllegalArgumentException} naming the field.
     */
    public static Comment fromEntry(Entry e) {
        if (e.kind() != Entry.Kind.COMMENT) {
            throw new IllegalArgumentException("entry " + e.id() + " is a " + e.kind() + ", not a comment");
        }
        Map<String, String> f = e.fields();
        return new Comment(e.id(), e.object(), CommentType.ofCode((int) number(f, "entry_type")),
                Instant.ofEpochSecond(number(f, "entry_time")), f.getOrDefault("author", ""),
                f.getOrDefault("comment_data", ""), "1".equals(f.get("persistent")), "1".equals(f.get("source")),
                "1".equals(f.get("expires")), Instant.ofEpochSecond(f.containsKey("expire_time")
                        ? number(f, "expire_time") : 0));
    }

    private static long number(Map<String, String> f, String key) {
        String v = f.get(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' is not a number", e);
        }
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }
}
