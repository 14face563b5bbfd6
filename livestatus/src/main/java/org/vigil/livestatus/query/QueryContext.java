package org.vigil.livestatus.query;

import java.util.Optional;
import org.vigil.model.StatusSnapshot;

/**
 * What one request is answered from: one snapshot of the engine's state (the same for every row and table the
 * request reads) and the contact named by {@code AuthUser:}, if any, whose view the rows are limited to.
 */
public record QueryContext(StatusSnapshot snapshot, Optional<String> authUser) {

    public QueryContext {
        java.util.Objects.requireNonNull(snapshot, "snapshot");
        authUser = authUser == null ? Optional.empty() : authUser;
    }
}
