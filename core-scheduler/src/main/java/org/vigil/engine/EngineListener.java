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

    // flap detection: Nagios sends FLAPPINGSTART, FLAPPINGSTOP and FLAPPINGDISABLED notifications here

    /** {@code target} started flapping: its percent state change reached {@code threshold} (the high one). */
    default void flappingStarted(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
    }

    /** {@code target} stopped flapping: its percent state change fell to {@code threshold} (the low one) or below. */
    default void flappingStopped(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
    }

    /** Flap detection was turned off (globally or for {@code target}) while it was flapping; threshold is 0. */
    default void flappingDisabled(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
    }

    /** Nothing is listening. */
    EngineListener NONE = new EngineListener() {
    };
}
