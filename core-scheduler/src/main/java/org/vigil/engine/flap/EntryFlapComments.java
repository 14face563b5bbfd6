package org.vigil.engine.flap;

import java.time.Instant;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.comment.CommentType;
import org.vigil.engine.comment.Comments;

/**
 * Flapping comments in the engine's comments ({@link Comments}): non-persistent internal comments by
 * "(Nagios Process)", entry type 3.
 * Engine thread only.
 */
public final class EntryFlapComments implements FlapComments {

    /** Nagios's {@code FLAPPING_COMMENT}, as retention keeps a comment's {@code entry_type}. */
    public static final String FLAPPING_COMMENT = String.valueOf(CommentType.FLAPPING.code());
    private final Comments comments;

    public EntryFlapComments(Comments comments) {
        this.comments = comments;
    }

    @Override
    public long add(CheckTarget target, String text, Instant at) {
        return comments.add(target, CommentType.FLAPPING, "(Nagios Process)", text, false, at);
    }

    @Override
    public void delete(long id) {
        comments.delete(id);
    }
}
