package org.vigil.engine.ack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.comment.CommentType;
import org.vigil.engine.comment.Comments;
import org.vigil.engine.state.AcknowledgementType;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Checkables;

/**
 * Acknowledging problems as Nagios 4.4.6's {@code acknowledge_*_problem} and {@code remove_*_acknowledgement}
 * do, and deleting the acknowledgement comments when the state machine ends an acknowledgement
 * ({@code handle_async_*_check_result}). An acknowledgement with an end time (Icinga 1's and Naemon's
 * {@code ACKNOWLEDGE_*_PROBLEM_EXPIRE}) is removed by {@link #expire} once its time has come. Engine thread only.
 */
public final class Acknowledgements {

    /** Who hears of an acknowledgement (the notifier sends the ACKNOWLEDGEMENT notification). */
    public interface Listener {
        void acknowledged(CheckTarget target, CheckableStatus<?> status, Acknowledgement ack);
    }

    private final Comments comments;
    private final Listener listener;
    /** The acknowledgements that end by themselves, by object: few, so {@link #expire} looks at each every second. */
    private final Map<CheckTarget, Instant> ending = new HashMap<>();

    public Acknowledgements(Comments comments, Listener listener) {
        this.comments = comments;
        this.listener = listener;
    }

    /**
     * Acknowledges the problem of {@code target} at {@code now}: in Nagios's order, the listener hears of it
     * (before the flag is set, as Nagios notifies first), the type is set, and the acknowledgement comment
     * (entry type 4, source internal) is added; with an end time, the comment expires then. False, and nothing
     * changes, when there is no problem (UP or OK).
     */
    public boolean acknowledge(CheckTarget target, CheckableStatus<?> status, Acknowledgement ack, Instant now) {
        if (status.currentState().isOk()) {
            return false;
        }
        listener.acknowledged(target, status, ack);
        status.setAcknowledgementType(ack.sticky() ? AcknowledgementType.STICKY : AcknowledgementType.NORMAL);
        status.setAcknowledgementEndTime(ack.endTime());
        if (ack.expires()) {
            ending.put(target, ack.endTime());
            comments.addExpiring(target, CommentType.ACKNOWLEDGEMENT, ack.author(), ack.comment(), ack.persistent(),
                    now, ack.endTime());
        } else {
            ending.remove(target);
            comments.add(target, CommentType.ACKNOWLEDGEMENT, ack.author(), ack.comment(), ack.persistent(), now);
        }
        return true;
    }

    /**
     * Removes the acknowledgement: as Nagios, clears the flag (the type stays until the state machine resets
     * it) and deletes the acknowledgement comments that are not persistent.
     */
    public void remove(CheckTarget target, CheckableStatus<?> status) {
        status.setProblemHasBeenAcknowledged(false);
        status.setAcknowledgementEndTime(Instant.EPOCH);
        ending.remove(target);
        comments.deleteAcknowledgementComments(target);
    }

    /**
     * After a result: if the state machine reset the acknowledgement ({@code before} was a type, now it is
     * none), deletes its comments that are not persistent, as Nagios does with the reset.
     */
    public void afterResult(CheckTarget target, AcknowledgementType before, CheckableStatus<?> status) {
        if (before != AcknowledgementType.NONE && status.acknowledgementType() == AcknowledgementType.NONE) {
            ending.remove(target);
            comments.deleteAcknowledgementComments(target);
        }
    }

    /** After retention was restored (start or reload): the acknowledgements that still have an end time. */
    public void resume(Checkables objects) {
        ending.clear();
        for (CheckTarget t : objects.targets()) {
            CheckableStatus<?> st = objects.status(t);
            if (st.problemHasBeenAcknowledged() && st.acknowledgementEndTime().getEpochSecond() > 0) {
                ending.put(t, st.acknowledgementEndTime());
            }
        }
    }

    /**
     * Ends the acknowledgements whose end time is {@code now} or earlier, as {@link #remove} does and with the
     * type reset too (the acknowledgement is over, not merely hidden); each is told to {@code logged} as a line
     * for the log. Objects acknowledged again since, or no longer, are dropped from the watch.
     */
    public void expire(Checkables objects, Instant now, Consumer<String> logged) {
        if (ending.isEmpty()) {
            return;
        }
        List<CheckTarget> due = new ArrayList<>();
        ending.forEach((t, end) -> {
            if (!end.isAfter(now)) {
                due.add(t);
            }
        });
        for (CheckTarget t : due) {
            Instant end = ending.remove(t);
            CheckableStatus<?> st = objects.status(t);
            if (!st.problemHasBeenAcknowledged() || !st.acknowledgementEndTime().equals(end)) {
                continue;
            }
            st.setAcknowledgementType(AcknowledgementType.NONE);
            remove(t, st);
            logged.accept(expiredLine(t, end));
        }
    }

    /** How many acknowledgements wait for their end time; for tests and metrics. */
    public int ending() {
        return ending.size();
    }

    /** {@code SERVICE ACKNOWLEDGEMENT EXPIRED: web1;http;1700000000}: Vigil's line, as Nagios has none. */
    static String expiredLine(CheckTarget t, Instant end) {
        return t.isHost() ? "HOST ACKNOWLEDGEMENT EXPIRED: " + t.hostName() + ";" + end.getEpochSecond()
                : "SERVICE ACKNOWLEDGEMENT EXPIRED: " + t.hostName() + ";" + t.service().description() + ";"
                + end.getEpochSecond();
    }
}
