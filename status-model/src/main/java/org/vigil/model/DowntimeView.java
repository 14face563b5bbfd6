package org.vigil.model;

import java.time.Instant;
import org.vigil.engine.downtime.Downtime;

/** A scheduled downtime; {@code service} is null for host downtimes, {@code triggeredBy} 0 when none. */
public record DowntimeView(long id, String host, String service, Instant entryTime, Instant start, Instant end,
                           boolean fixed, long durationSeconds, long triggeredBy, String author, String comment,
                           boolean inEffect) {

    static DowntimeView of(Downtime d) {
        return new DowntimeView(d.id(), d.target().hostName(),
                d.isHost() ? null : d.target().service().description(), d.entryTime(), d.start(), d.end(),
                d.fixed(), d.duration(), d.triggeredBy(), d.author(), d.comment(), d.inEffect());
    }
}
