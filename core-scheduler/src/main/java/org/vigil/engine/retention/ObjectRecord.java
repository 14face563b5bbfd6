package org.vigil.engine.retention;

import java.util.Map;
import java.util.Objects;

/**
 * The retained attributes of one object, replaced as a whole on every save. {@code version} is the
 * engine's own stamp for the change (for example the epoch millisecond of the last state change);
 * the store keeps it verbatim.
 */
public record ObjectRecord(ObjectKey key, long version, Map<String, String> attributes) {

    public ObjectRecord {
        Objects.requireNonNull(key, "key");
        attributes = Map.copyOf(attributes);
    }
}
