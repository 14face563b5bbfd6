package org.vigil.notify.rules;

/**
 * Where decided notifications go (the notification commands, the outbox of the built-in channels...). Called on the
 * engine thread for each contact notified: implementations hand the work to their own threads and return at once.
 */
public interface NotificationSink {

    void deliver(Notification notification);

    /** Drops every notification. */
    NotificationSink NONE = n -> {
    };
}
