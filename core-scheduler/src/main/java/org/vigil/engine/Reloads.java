package org.vigil.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.engine.exec.CarriedResult;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;

/**
 * The reload handover ({@code org.vigil.engine.reload}): the old engine hands its state, as retention keeps it, and
 * its running checks over to the engine of the new config. Nothing is lost: state, entries and schedule carry over,
 * and a check running during the swap is neither dropped nor run twice. Engine thread.
 */
final class Reloads {

    private final EngineParts parts;
    private final EntryStore entries;
    private final CheckRuns runs;
    private final CheckSchedule schedule;

    Reloads(EngineParts parts, EntryStore entries, CheckRuns runs, CheckSchedule schedule) {
        this.parts = parts;
        this.entries = entries;
        this.runs = runs;
        this.schedule = schedule;
    }

    /**
     * Everything retention keeps, as it keeps it: the record of every host and service, the program's record,
     * and the entries; plus the exact check times a reload carries beyond retention's whole seconds.
     */
    RetainedState snapshot() {
        Map<ObjectKey, ObjectRecord> records = new HashMap<>();
        for (CheckTarget t : parts.objects().targets()) {
            ObjectRecord r = parts.retained().record(t, Precise.of(parts.objects().status(t)));
            records.put(r.key(), r);
        }
        parts.retained().contactRecords().forEach(r -> records.put(r.key(), r));
        ObjectRecord program = parts.retained().programRecord();
        records.put(program.key(), program);
        return new RetainedState(records, new java.util.ArrayList<>(entries.all()));
    }

    /** Results of checks still running go to {@code next} from now on; the state and those checks, in one step. */
    Handover handOver(Consumer<CarriedResult> next) {
        Set<ObjectKey> running = runs.handOver(next);
        return new Handover(snapshot(), running, entries.lastEntryId());
    }

    /** Continues {@code handover}'s exact schedule; its running checks are not started here until they return. */
    void continueFrom(Handover handover) {
        entries.seen(handover.lastEntryId());
        for (ObjectRecord r : handover.state().records().values()) {
            parts.retained().target(r.key()).ifPresent(t -> Precise.restore(r.attributes(), parts.objects().status(t)));
        }
        handover.running().forEach(k -> parts.retained().target(k).ifPresent(runs::runningElsewhere));
    }

    /** Checks of {@code lost} never came back from the replaced engine: they may run again, due now. */
    void release(Set<ObjectKey> lost, Consumer<CheckTarget> sweeps) {
        lost.forEach(k -> parts.retained().target(k).ifPresent(t -> {
            CheckableStatus<?> st = parts.objects().status(t);
            if (runs.release(t) && st.activeChecksEnabled() && st.checkInterval() > 0) {
                schedule.schedule(t, parts.clock().instant());
            }
            sweeps.accept(t);
        }));
    }

    /** What a reload carries beyond retention's whole seconds: exact check times, kept to the nanosecond. */
    private static final class Precise {
        static Map<String, String> of(CheckableStatus<?> s) {
            return Map.of("reload_last_check", s.lastCheck().toString(),
                    "reload_next_check", s.nextCheck().toString());
        }

        static void restore(Map<String, String> m, CheckableStatus<?> s) {
            try {
                if (m.containsKey("reload_next_check")) {
                    s.setLastCheck(Instant.parse(m.get("reload_last_check")));
                    s.setNextCheck(Instant.parse(m.get("reload_next_check")));
                }
            } catch (RuntimeException e) {
                // a snapshot is made in memory by the same code; keep retention's values if it ever is not
            }
        }
    }
}
