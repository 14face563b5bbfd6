package org.vigil.model;

import java.util.List;

/**
 * A service as the status pages and the API show it. {@code hostgroups} are its host's groups (for filtering);
 * {@code contacts} are the service's own contacts (with its contact groups' members).
 */
public record ServiceView(String host, String description, String displayName, List<String> servicegroups,
                          List<String> hostgroups, List<String> contacts, CheckView status) {

    public ServiceView {
        servicegroups = List.copyOf(servicegroups);
        hostgroups = List.copyOf(hostgroups);
        contacts = List.copyOf(contacts);
    }

    /** This view with its duration as of {@code now} ({@link CheckView#at}). */
    public ServiceView at(java.time.Instant now, java.time.Instant started) {
        CheckView c = status.at(now, started);
        return c == status ? this
                : new ServiceView(host, description, displayName, servicegroups, hostgroups, contacts, c);
    }

    /** This view with {@code c} as its status. */
    public ServiceView with(CheckView c) {
        return c == status ? this
                : new ServiceView(host, description, displayName, servicegroups, hostgroups, contacts, c);
    }
}
