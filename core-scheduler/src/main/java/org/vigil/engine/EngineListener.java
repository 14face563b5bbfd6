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

    /** Nothing is listening. */
    EngineListener NONE = new EngineListener() {
    };
}
