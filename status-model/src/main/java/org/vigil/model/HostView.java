package org.vigil.model;

import java.util.List;

/** A host as the status pages and the API show it: its configuration names and its check state. */
public record HostView(String name, String displayName, String alias, String address, List<String> parents,
                       List<String> hostgroups, List<String> contacts, CheckView status) {

    public HostView {
        parents = List.copyOf(parents);
        hostgroups = List.copyOf(hostgroups);
        contacts = List.copyOf(contacts);
    }

    /** This view with its duration as of {@code now} ({@link CheckView#at}). */
    public HostView at(java.time.Instant now, java.time.Instant started) {
        CheckView c = status.at(now, started);
        return c == status ? this : new HostView(name, displayName, alias, address, parents, hostgroups, contacts, c);
    }
}
