package org.vigil.engine.retention;

import java.util.List;
import java.util.Map;

/** Everything a store holds, as read at start: object records by key, and entries in id order. */
public record RetainedState(Map<ObjectKey, ObjectRecord> records, List<Entry> entries) {

    public RetainedState {
        records = records instanceof ReadOnlyRecords ? records : Map.copyOf(records);
        entries = List.copyOf(entries);
    }

    /** The state of a store that holds nothing yet: every object starts PENDING. */
    public static RetainedState empty() {
        return new RetainedState(Map.of(), List.of());
    }
}
