package org.vigil.notify.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ServiceKey;

/**
 * One decided notification to one contact: what the delivery side needs to tell them, taken on the engine thread
 * when the rules passed, so it no longer changes with the object.
 *
 * @param type {@code $NOTIFICATIONTYPE$}: PROBLEM, RECOVERY, ACKNOWLEDGEMENT, FLAPPINGSTART...
 * @param service null for a host notification
 * @param commands the contact's host or service notification commands ({@code name!arg...}), in config order
 * @param number {@code $NOTIFICATIONNUMBER$}
 * @param state the object's state name ({@code CRITICAL}, {@code DOWN}...)
 * @param macros the runtime macros of the host (and service) and the notification's own
 *        ({@code NOTIFICATIONTYPE}, {@code NOTIFICATIONRECIPIENTS}...), by name without dollars
 */
public record Notification(Reason reason, String type, String hostName, ServiceKey service, Contact contact,
                           List<String> commands, int number, String state, String output, String author,
                           String comment, boolean escalated, Instant time, List<String> recipients,
                           Map<String, String> macros) {

    public Notification {
        commands = List.copyOf(commands);
        recipients = List.copyOf(recipients);
        macros = Map.copyOf(macros);
    }

    public boolean isHost() {
        return service == null;
    }

    /** A key that is the same for every notification about one host or service, for deduplication downstream. */
    public String objectKey() {
        return service == null ? hostName : hostName + ";" + service.description();
    }
}
