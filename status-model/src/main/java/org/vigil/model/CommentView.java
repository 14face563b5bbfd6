package org.vigil.model;

import java.time.Instant;
import org.vigil.engine.comment.Comment;

/** A host or service comment; {@code service} is null for host comments. */
public record CommentView(long id, String host, String service, String type, Instant entryTime, String author,
                          String text, boolean persistent, boolean expires, Instant expireTime) {

    static CommentView of(Comment c) {
        return new CommentView(c.id(), c.object().name(), c.isHostComment() ? null : c.object().service(),
                c.type().name(), c.entryTime(), c.author(), c.text(), c.persistent(), c.expires(),
                c.expires() ? c.expireTime() : null);
    }
}
