package org.vigil.config.model;

import java.util.List;
import org.vigil.config.diag.SourceLocation;

/** A host escalation (description null) or a service escalation, for one host or service. */
public record Escalation(String hostName, String serviceDescription, int firstNotification, int lastNotification,
                         double notificationInterval, String period, Options options, List<String> contacts,
                         List<String> contactGroups, SourceLocation location) {

    public Escalation {
        contacts = List.copyOf(contacts);
        contactGroups = List.copyOf(contactGroups);
    }

    public boolean isServiceEscalation() {
        return serviceDescription != null;
    }
}
