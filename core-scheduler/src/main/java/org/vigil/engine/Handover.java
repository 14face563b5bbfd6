package org.vigil.engine;

import java.util.Set;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.RetainedState;

/**
 * What an engine hands to the one that replaces it at a reload: its state as retention keeps it, and the
 * objects whose checks are still running (their results follow as {@link CarriedResult}s).
 */
public record Handover(RetainedState state, Set<ObjectKey> running) {

    public Handover {
        running = Set.copyOf(running);
    }
}
