package org.vigil.engine.retention;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that fails its next writes on demand, and remembers the batches it was given. */
final class FlakyStore implements RetentionStore {

    static final RetentionProblem DISK_FULL = new RetentionProblem("/var/lib/vigil/vigil-retention.mv.db",
            "cannot write retained state: No space left on device", "free some space");

    private final RetentionStore inner;
    final AtomicInteger failures = new AtomicInteger();
    final List<RetentionBatch> applied = new CopyOnWriteArrayList<>();

    FlakyStore(RetentionStore inner) {
        this.inner = inner;
    }

    @Override
    public RetainedState load() {
        return inner.load();
    }

    @Override
    public void apply(RetentionBatch batch) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new RetentionException(DISK_FULL, null);
        }
        inner.apply(batch);
        if (!batch.isEmpty()) {
            applied.add(batch);
        }
    }

    @Override
    public long reserveEntryIds(int count) {
        return inner.reserveEntryIds(count);
    }

    @Override
    public void close() {
        inner.close();
    }
}
