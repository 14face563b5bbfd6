package org.vigil.config.model;

import java.util.List;
import org.vigil.config.diag.SourceLocation;

/** A named set of services, with nested groups already expanded into {@code members}. */
public record ServiceGroup(String name, String alias, List<ServiceKey> members, Links links,
                           SourceLocation location) {

    public ServiceGroup {
        members = List.copyOf(members);
    }
}
