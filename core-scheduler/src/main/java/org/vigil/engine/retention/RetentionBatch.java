package org.vigil.engine.retention;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes written together in one transaction: records to save, entries to save or remove, and,
 * after a config (re)load, the set of objects that exist now, so that every other record and every
 * entry attached to a vanished object is deleted. {@code existing} is applied last.
 */
public record RetentionBatch(List<ObjectRecord> records, List<Entry> entries, Set<Long> removedEntryIds,
                             Optional<Set<ObjectKey>> existing) {

    public RetentionBatch {
        records = List.copyOf(records);
        entries = List.copyOf(entries);
        removedEntryIds = Set.copyOf(removedEntryIds);
        existing = existing.map(Set::copyOf);
    }

    public static RetentionBatch ofRecords(Collection<ObjectRecord> records) {
        return new RetentionBatch(List.copyOf(records), List.of(), Set.of(), Optional.empty());
    }

    public static RetentionBatch retainOnly(Set<ObjectKey> existing) {
        return new RetentionBatch(List.of(), List.of(), Set.of(), Optional.of(existing));
    }

    public boolean isEmpty() {
        return records.isEmpty() && entries.isEmpty() && removedEntryIds.isEmpty() && existing.isEmpty();
    }
}
