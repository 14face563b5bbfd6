package org.vigil.engine.ack;

import java.time.Instant;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.comment.CommentType;
import org.vigil.engine.comment.Comments;
import org.vigil.engine.state.AcknowledgementType;
import org.vigil.engine.state.CheckableStatus;

/**
 * Acknowledging problems as Nagios 4.4.6's {@code acknowledge_*_problem} and {@code remove_*_acknowledgement}
 * do, and deleting the acknowledgement comments when the state machine ends an acknowledgement
 * ({@code handle_async_*_check_result}). Engine thread only.
 */
public final class Acknowledgements {

    /** Who hears of an acknowledgement (the notifier sends the ACKNOWLEDGEMENT notification). */
    public interface Listener {
        void acknowledged(CheckTarget target, CheckableStatus<?> status, Acknowledgement ack);
    }

    private final Comments comments;
    private final Listener listener;

    public Acknowledgements(Comments comments, Listener listener) {
        this.comments = comments;
        this.listener = listener;
    }

    /**
     * Acknowledges the problem of {@code target} at {@code now}: in Nagios's order, the listener hears of it
     * (before the flag is set, as Nagios notifies first), the type is set, and the acknowledgement comment
     * (entry type 4, source internal) is added. False, and nothing changes, when there is no problem (UP or OK).
     */
    public boolean acknowledge(CheckTarget target, CheckableStatus<?> status, Acknowledgement ack, Instant now) {
        if (status.currentState().isOk()) {
            return false;
        }
        listener.acknowledged(target, status, ack);
        status.setAcknowledgementType(ack.sticky() ? AcknowledgementType.STICKY : AcknowledgementType.NORMAL);
        comments.add(target, CommentType.ACKNOWLEDGEMENT, ack.author(), ack.comment(), ack.persistent(), now);
        return true;
    }

    /**
     * Removes the acknowledgement: as Nagios, clears the flag (the type stays until the state machine resets
     * it) and deletes the acknowledgement comments that are not persistent.
     */
    public void remove(CheckTarget target, CheckableStatus<?> status) {
        status.setProblemHasBeenAcknowledged(false);
        comments.deleteAcknowledgementComments(target);
    }

    /**
     * After a result: if the state machine reset the acknowledgement ({@code before} was a type, now it is
     * none), deletes its comments that are not persistent, as Nagios does with the reset.
     */
    public void afterResult(CheckTarget target, AcknowledgementType before, CheckableStatus<?> status) {
        if (before != AcknowledgementType.NONE && status.acknowledgementType() == AcknowledgementType.NONE) {
            comments.deleteAcknowledgementComments(target);
        }
    }
}
