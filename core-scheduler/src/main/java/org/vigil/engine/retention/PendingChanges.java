package org.vigil.engine.retention;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes handed over by the engine and not yet written. The latest record per object wins, so
 * memory is bounded by the number of objects however often they change. Every change gets a
 * sequence number; a drained batch carries the last one it covers.
 */
final class PendingChanges {

    /** A batch to write, and the sequence number of the last change it holds. */
    record Drained(RetentionBatch batch, long through) {
    }

    private final Map<ObjectKey, ObjectRecord> records = new LinkedHashMap<>();
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Set<Long> removedEntryIds = new HashSet<>();
    private Set<ObjectKey> existing;
    private long sequence;
    /** Changes being made that must be written together: no drain while this is above 0 (see {@link #hold}). */
    private int holds;

    /** The longest a drain waits for a hold to be released: a hold that is never released must not stop writing. */
    static final long HOLD_WAIT_MILLIS = 2000;

    /**
     * Keeps the next drain from splitting the changes made from now until {@link #release}: they go into one batch,
     * so one transaction (a notification's journal entry and the state change behind it).
     */
    synchronized void hold() {
        holds++;
    }

    synchronized void release() {
        if (holds > 0 && --holds == 0) {
            notifyAll();
        }
    }

    synchronized long save(ObjectRecord record) {
        records.put(record.key(), record);
        if (existing != null) {
            existing.add(record.key());
        }
        return ++sequence;
    }

    synchronized long saveEntry(Entry entry) {
        removedEntryIds.remove(entry.id());
        entries.put(entry.id(), entry);
        return ++sequence;
    }

    synchronized long removeEntry(long id) {
        entries.remove(id);
        removedEntryIds.add(id);
        return ++sequence;
    }

    synchronized long retainOnly(Set<ObjectKey> keys) {
        existing = new HashSet<>(keys);
        existing.add(ObjectKey.program());
        records.keySet().retainAll(existing);
        entries.values().removeIf(e -> !existing.contains(e.object()));
        return ++sequence;
    }

    synchronized Drained drain() {
        long deadline = System.nanoTime() + HOLD_WAIT_MILLIS * 1_000_000;
        while (holds > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                holds = 0; // a holder that never released (its engine stopped): write what there is
                break;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        RetentionBatch batch = new RetentionBatch(new ArrayList<>(records.values()), new ArrayList<>(entries.values()),
                removedEntryIds, Optional.ofNullable(existing));
        records.clear();
        entries.clear();
        removedEntryIds.clear();
        existing = null;
        return new Drained(batch, sequence);
    }

    /** Puts back a batch that could not be written, under anything newer that arrived since. */
    synchronized void restore(RetentionBatch failed) {
        for (ObjectRecord r : failed.records()) {
            records.putIfAbsent(r.key(), r);
        }
        for (Entry e : failed.entries()) {
            if (!removedEntryIds.contains(e.id())) {
                entries.putIfAbsent(e.id(), e);
            }
        }
        for (long id : failed.removedEntryIds()) {
            if (!entries.containsKey(id)) {
                removedEntryIds.add(id);
            }
        }
        if (failed.existing().isPresent() && existing == null) {
            existing = new HashSet<>(failed.existing().get());
            existing.addAll(records.keySet());
        }
    }

    synchronized long sequence() {
        return sequence;
    }
}
