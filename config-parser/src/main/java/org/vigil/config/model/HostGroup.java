package org.vigil.config.model;

import java.util.List;
import org.vigil.config.diag.SourceLocation;

/** A named set of hosts, with nested groups already expanded into {@code members}. */
public record HostGroup(String name, String alias, List<String> members, Links links, SourceLocation location) {

    public HostGroup {
        members = List.copyOf(members);
    }
}
