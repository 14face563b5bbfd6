package org.vigil.model;

import java.util.List;

/** A host group (members are host names) or service group (members are {@code host;service}). */
public record GroupView(String name, String alias, List<String> members) {

    public GroupView {
        members = List.copyOf(members);
    }
}
