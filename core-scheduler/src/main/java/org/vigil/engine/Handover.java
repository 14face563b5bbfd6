package org.vigil.engine;

import org.vigil.engine.exec.CarriedResult;
import java.util.Set;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.RetainedState;

/**
 * What an engine hands to the one that replaces it at a reload: its state as retention keeps it, the objects
 * whose checks are still running (their results follow as {@link CarriedResult}s), and the last entry id it
 * handed out without retention (so no id is used twice, even of entries deleted or dropped with their object).
 */
public record Handover(RetainedState state, Set<ObjectKey> running, long lastEntryId) {

    public Handover {
        running = Set.copyOf(running);
    }
}
