package org.vigil.engine.ack;

import java.util.Objects;

/**
 * What an {@code ACKNOWLEDGE_HOST_PROBLEM}/{@code ACKNOWLEDGE_SVC_PROBLEM} asks for.
 *
 * @param sticky the acknowledgement lasts until recovery (Nagios's type 2), else until any state change
 * @param sendNotification send an ACKNOWLEDGEMENT notification
 * @param persistent keep the acknowledgement comment after the acknowledgement ends, and across restarts
 */
public record Acknowledgement(boolean sticky, boolean sendNotification, boolean persistent, String author,
                              String comment) {

    public Acknowledgement {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(comment, "comment");
    }
}
