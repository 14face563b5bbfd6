package org.vigil.engine.retention;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Hands out entry ids from blocks reserved durably in the store, and reserves the next block in
 * the background when half of the current one is used, so the engine rarely waits for the database.
 * Ids after a restart continue after the last reserved block: some are skipped, none is reused.
 */
final class EntryIds {

    private final RetentionStore store;
    private final int blockSize;
    private final Executor background;
    private long next;
    private long end;
    private CompletableFuture<Long> upcoming;

    EntryIds(RetentionStore store, int blockSize, Executor background) {
        this.store = store;
        this.blockSize = blockSize;
        this.background = background;
    }

    synchronized long next() {
        if (next == end) {
            next = upcomingOrReserveNow();
            end = next + blockSize;
        }
        if (upcoming == null && end - next <= blockSize / 2) {
            upcoming = CompletableFuture.supplyAsync(() -> store.reserveEntryIds(blockSize), background);
        }
        return next++;
    }

    private long upcomingOrReserveNow() {
        CompletableFuture<Long> pending = upcoming;
        upcoming = null;
        if (pending != null) {
            try {
                return pending.join();
            } catch (CompletionException failedInBackground) {
                // Try once more here, where a failure reaches the caller.
            }
        }
        return store.reserveEntryIds(blockSize);
    }
}
