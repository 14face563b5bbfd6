package org.vigil.engine.ack;

import java.time.Instant;
import java.util.Objects;

/**
 * What an {@code ACKNOWLEDGE_HOST_PROBLEM}/{@code ACKNOWLEDGE_SVC_PROBLEM} (or their {@code _EXPIRE} forms) asks for.
 *
 * @param sticky the acknowledgement lasts until recovery (Nagios's type 2), else until any state change
 * @param sendNotification send an ACKNOWLEDGEMENT notification
 * @param persistent keep the acknowledgement comment after the acknowledgement ends, and across restarts
 * @param endTime when the acknowledgement ends by itself at the latest; the epoch for never (Nagios's commands)
 */
public record Acknowledgement(boolean sticky, boolean sendNotification, boolean persistent, String author,
                              String comment, Instant endTime) {

    public Acknowledgement {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(endTime, "endTime");
    }

    /** An acknowledgement without an end time, as Nagios 4.4.6 makes them. */
    public Acknowledgement(boolean sticky, boolean sendNotification, boolean persistent, String author,
                           String comment) {
        this(sticky, sendNotification, persistent, author, comment, Instant.EPOCH);
    }

    /** Whether it ends by itself at {@link #endTime}. */
    public boolean expires() {
        return endTime.getEpochSecond() > 0;
    }
}
