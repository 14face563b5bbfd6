package org.vigil.engine;

import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;

/**
 * What the engine tells the parts after it (notifier, web, metrics) about each processed result. Called on
 * the engine thread: implementations must be quick and must not block.
 */
public interface EngineListener {

    /** A result was applied to {@code status}; {@code effects} says what it changed. */
    default void resultApplied(CheckTarget target, CheckableStatus<?> status, Effects effects) {
    }

    /**
     * A problem was acknowledged ({@code ACKNOWLEDGE_*_PROBLEM}); called before the acknowledgement is set, as
     * Nagios sends the ACKNOWLEDGEMENT notification first. {@code notify} is the command's notify flag: the
     * notifier sends the notification only when it is set.
     */
    default void acknowledged(CheckTarget target, CheckableStatus<?> status, String author, String comment,
                              boolean notify) {
    }

    /** Nothing is listening. */
    EngineListener NONE = new EngineListener() {
    };
}
