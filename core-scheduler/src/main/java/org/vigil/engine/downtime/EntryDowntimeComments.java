package org.vigil.engine.downtime;

import java.time.Instant;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.comment.CommentType;
import org.vigil.engine.comment.Comments;

/**
 * Downtime comments in the engine's comments ({@link Comments}): non-persistent internal comments of entry
 * type 2, shown and retained with the others.
 */
public final class EntryDowntimeComments implements DowntimeComments {

    private final Comments comments;

    public EntryDowntimeComments(Comments comments) {
        this.comments = comments;
    }

    @Override
    public long add(CheckTarget target, String author, String text, Instant at) {
        return comments.add(target, CommentType.DOWNTIME, author, text, false, at);
    }

    @Override
    public void delete(long id) {
        comments.delete(id);
    }
}
