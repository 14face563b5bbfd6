package org.vigil.engine.exec;

import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.state.CheckOutcome;

/**
 * The result of a check that was running when a reload replaced its engine, on its way to the new one, which
 * applies it to the object of the same name. {@code failure} is set (and {@code outcome} null) if it could not run.
 */
public record CarriedResult(ObjectKey object, CheckOutcome outcome, Throwable failure) {
}
