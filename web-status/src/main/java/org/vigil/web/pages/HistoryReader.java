package org.vigil.web.pages;

import java.time.Instant;
import java.util.List;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.history.Archived;
import org.vigil.web.history.Assumptions;
import org.vigil.web.history.Availability;
import org.vigil.web.history.History;
import org.vigil.web.history.HistoryIndex;
import org.vigil.web.history.ReportPeriod;
import org.vigil.web.history.Target;
import org.vigil.web.history.Timeline;

/** The pages' way to the history: the index of the monitor's log and archives, the snapshot's states for what it lacks. */
final class HistoryReader {

    /** The hours a detail page's timeline covers. */
    static final int TIMELINE_HOURS = 25;

    private final HistoryIndex index;
    private final StatusSnapshot snapshot;

    private HistoryReader(HistoryIndex index, StatusSnapshot snapshot) {
        this.index = index;
        this.snapshot = snapshot;
    }

    static HistoryReader of(HistoryIndexes indexes, StatusSnapshot snapshot) {
        return new HistoryReader(indexes.index(), snapshot);
    }

    List<Availability> availability(List<Target> targets, ReportPeriod p, Assumptions assume, Instant now) {
        return History.of(index, targets, p.from(), p.until(), now.getEpochSecond(), assume, this::current);
    }

    /** The timeline of one host or service over the last {@value #TIMELINE_HOURS} hours. */
    Timeline timeline(Target target, Instant now) {
        ReportPeriod p = ReportPeriod.lastHours(TIMELINE_HOURS, now);
        return Timeline.of(availability(List.of(target), p, Assumptions.DEFAULTS, now).get(0));
    }

    private Archived current(Target t) {
        if (t.isHost()) {
            return snapshot.host(t.host()).map(h -> Archived.hostState(h.status().state())).orElse(Archived.NO_DATA);
        }
        return snapshot.service(t.host(), t.service()).map(v -> Archived.serviceState(v.status().state()))
                .orElse(Archived.NO_DATA);
    }
}
