package org.vigil.engine.retention;

import java.util.Map;
import java.util.Objects;

/**
 * A comment, downtime or acknowledgement attached to an object, or a notification decided about it and not yet
 * handed to its channels (kept with the state change that caused it, so that a crash replays it). Ids come from
 * {@link RetentionStore#reserveEntryIds(int)} and are never handed out twice, even across restarts.
 */
public record Entry(Kind kind, long id, ObjectKey object, Map<String, String> fields) {

    /** What sort of entry this is. */
    public enum Kind { COMMENT, DOWNTIME, ACKNOWLEDGEMENT, NOTIFICATION }

    public Entry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        if (id <= 0) {
            throw new IllegalArgumentException("entry ids start at 1: " + id);
        }
        fields = Map.copyOf(fields);
    }
}
