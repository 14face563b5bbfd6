package org.vigil.config.model;

import java.util.List;
import org.vigil.config.diag.SourceLocation;

/** A named set of contacts, with nested groups already expanded into {@code members}. */
public record ContactGroup(String name, String alias, List<String> members, SourceLocation location) {

    public ContactGroup {
        members = List.copyOf(members);
    }
}
