package org.vigil.engine.downtime;

import java.time.Instant;
import java.util.Objects;
import org.vigil.engine.state.CheckTarget;

/**
 * What a SCHEDULE_*_DOWNTIME command asks for one object: {@code start;end;fixed;trigger_id;duration;author;comment}
 * as Nagios's documentation names them. {@code duration} is in seconds and only counts for a flexible downtime.
 */
public record DowntimeRequest(CheckTarget target, Instant entryTime, Instant start, Instant end, boolean fixed,
                              long triggeredBy, long duration, String author, String comment) {

    public DowntimeRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        author = author == null ? "" : author;
        comment = comment == null ? "" : comment;
    }

    /** The same request for another object (a host's child, a group member). */
    public DowntimeRequest forTarget(CheckTarget other, long trigger) {
        return new DowntimeRequest(other, entryTime, start, end, fixed, trigger, duration, author, comment);
    }
}
