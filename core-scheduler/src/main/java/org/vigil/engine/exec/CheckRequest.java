package org.vigil.engine.exec;

import java.time.Instant;
import org.vigil.engine.state.CheckTarget;

/** One check to run now: what, and for which scheduled time (the latency is measured from it). */
public record CheckRequest(CheckTarget target, Instant scheduledFor) {
}
