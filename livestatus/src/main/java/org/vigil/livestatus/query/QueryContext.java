package org.vigil.livestatus.query;

import java.util.Optional;
import org.vigil.model.StatusSnapshot;

/**
 * What one request is answered from: one snapshot of the engine's state (the same for every row and table the
 * request reads), the contact named by {@code AuthUser:}, if any, whose view the rows are limited to, and the
 * times its filters allow on a {@code time} column ({@link TimeRange}), which a table may use to skip rows.
 */
public record QueryContext(StatusSnapshot snapshot, Optional<String> authUser, TimeRange timeRange) {

    public QueryContext {
        java.util.Objects.requireNonNull(snapshot, "snapshot");
        authUser = authUser == null ? Optional.empty() : authUser;
        timeRange = timeRange == null ? TimeRange.ALL : timeRange;
    }

    public QueryContext(StatusSnapshot snapshot, Optional<String> authUser) {
        this(snapshot, authUser, TimeRange.ALL);
    }

    /** The same with {@code range}. */
    public QueryContext with(TimeRange range) {
        return new QueryContext(snapshot, authUser, range);
    }
}
