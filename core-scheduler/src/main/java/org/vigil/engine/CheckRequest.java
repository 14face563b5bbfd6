package org.vigil.engine;

import java.time.Instant;

/** One check to run now: what, and for which scheduled time (the latency is measured from it). */
public record CheckRequest(CheckTarget target, Instant scheduledFor) {
}
