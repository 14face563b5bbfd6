package org.vigil.engine;

import java.time.Instant;

/** One check to run now: what, for which scheduled time, and the engine's runtime view for its macros. */
public record CheckRequest(CheckTarget target, Instant scheduledFor, RuntimeView runtime) {
}
