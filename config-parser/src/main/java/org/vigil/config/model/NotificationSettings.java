package org.vigil.config.model;

import java.util.List;

/** Who is told about a host or service, on which states, and how often. */
public record NotificationSettings(List<String> contacts, List<String> contactGroups, String period,
                                   Options options, boolean enabled, double interval, double firstDelay) {

    public NotificationSettings {
        contacts = List.copyOf(contacts);
        contactGroups = List.copyOf(contactGroups);
    }
}
