package org.vigil.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.engine.flap.EntryFlapComments;
import org.vigil.engine.flap.FlapDetection;
import org.vigil.engine.flap.FlapEvent;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.retention.WriteBehindRetention;

/**
 * Retained state put back before the engine starts, after a restart or from a replaced engine at a reload: the
 * objects' and the program's records, then the entries, each feature restoring its own meaning of them. Engine thread.
 */
final class Restore {

    private final EngineParts parts;
    private final EngineEntries entries;
    private final NotificationJournal journal;
    private final FlapDetection flapping;
    private final FlapNotices notices;

    Restore(EngineParts parts, EngineEntries entries, NotificationJournal journal, FlapDetection flapping,
            FlapNotices notices) {
        this.parts = parts;
        this.entries = entries;
        this.journal = journal;
        this.flapping = flapping;
        this.notices = notices;
    }

    /**
     * Restores {@code state} and sends every later change to {@code writer}. {@code handover}: the state is a
     * replaced engine's own, so it is taken whole (comments that are not persistent and flapping comments included),
     * where a restart drops what Nagios drops.
     */
    void restore(RetainedState state, WriteBehindRetention writer, boolean handover) {
        for (ObjectRecord r : state.records().values()) {
            parts.retained().restore(r);
        }
        restoreEntries(state, handover);
        parts.retained().attach(writer);
        entries.store().attach(writer);
        journal.attach(writer);
        entries.downtimes().restore(state.entries());
        restoreComments(state, handover);
        if (!handover) {
            dropRetainedFlappingComments(state);
            recheckFlapping(state);
        }
    }

    /** Keeps the entries of objects that exist (all kinds; each feature restores its own meaning of them). */
    private void restoreEntries(RetainedState state, boolean handover) {
        for (Entry e : state.entries()) {
            entries.store().seen(e.id());
            if (e.kind() == Entry.Kind.NOTIFICATION) {
                if (!handover) {
                    journal.retained(e); // the notifier sends it once it is attached
                }
                continue;
            }
            if (e.object().kind() == ObjectKey.Kind.PROGRAM || parts.retained().target(e.object()).isPresent()) {
                entries.store().keep(e);
            }
        }
    }

    /** Comments come back by Nagios's rule for retained comments; after the states. */
    private void restoreComments(RetainedState state, boolean handover) {
        entries.comments().restore(state.entries(), parts.retained()::target, t -> handover || parts.objects()
                        .status(t).problemHasBeenAcknowledged(), handover)
                .forEach(problem -> parts.log().log("Warning: retention: " + problem));
        entries.comments().all().forEach(c -> entries.store().keep(c.toEntry()));
    }

    /**
     * Nagios 4.4.6 does not bring flapping comments (entry type 3) back at start (observed): a still flapping
     * object gets a new one when it is checked against its retained history.
     */
    private void dropRetainedFlappingComments(RetainedState state) {
        for (Entry e : state.entries()) {
            if (e.kind() == Entry.Kind.COMMENT
                    && EntryFlapComments.FLAPPING_COMMENT.equals(e.fields().get("entry_type"))) {
                entries.store().removeEntry(e.id());
            }
        }
    }

    /** As Nagios after reading retention.dat: every restored object is checked against its retained history. */
    private void recheckFlapping(RetainedState state) {
        Instant now = parts.clock().instant();
        List<ObjectRecord> hostsFirst = new ArrayList<>(state.records().values());
        hostsFirst.sort(Comparator.comparing(r -> r.key().kind() != ObjectKey.Kind.HOST));
        for (ObjectRecord r : hostsFirst) {
            parts.retained().target(r.key()).ifPresent(target -> {
                List<FlapEvent> events = flapping.afterRestore(target, parts.objects().status(target), now);
                notices.flapped(events);
                if (!events.isEmpty()) {
                    parts.retained().statusChanged(target);
                }
            });
        }
    }
}
