package org.vigil.web.model;

import java.util.List;

/** A host as the status pages and the API show it: its configuration names and its check state. */
public record HostView(String name, String displayName, String alias, String address, List<String> parents,
                       List<String> hostgroups, List<String> contacts, CheckView status) {

    public HostView {
        parents = List.copyOf(parents);
        hostgroups = List.copyOf(hostgroups);
        contacts = List.copyOf(contacts);
    }
}
