package org.vigil.engine.nagiosstate;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.RetentionBatch;
import org.vigil.engine.retention.RetentionStore;

/**
 * Puts an import into a retention store in place of what it held: the store then holds Nagios's state and nothing of
 * Vigil's own before it (an object Nagios had no block for starts PENDING, as it would have in Nagios).
 */
public final class StoreReplacement {

    private StoreReplacement() {
    }

    /**
     * Replaces the store's content with {@code imported}. Two transactions: the old content goes first, as an imported
     * entry may reuse an old entry's id (a failure in between leaves an empty store, which a new import fills).
     * The entry id counter is raised past every imported id, so the engine never hands out one of them again.
     */
    public static void replace(RetentionStore store, StateImport.Result imported) {
        Set<Long> old = new HashSet<>();
        for (Entry e : store.load().entries()) {
            old.add(e.id());
        }
        Set<ObjectKey> kept = new HashSet<>();
        imported.records().forEach(r -> kept.add(r.key()));
        store.apply(new RetentionBatch(List.of(), List.of(), old, Optional.of(kept)));
        store.apply(new RetentionBatch(imported.records(), imported.entries(), Set.of(), Optional.empty()));
        long next = store.reserveEntryIds(1) + 1;
        if (next < imported.nextEntryId()) {
            store.reserveEntryIds((int) Math.min(Integer.MAX_VALUE, imported.nextEntryId() - next));
        }
    }
}
