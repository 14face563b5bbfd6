package org.vigil.engine.retention;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts retention for the engine: opens the store, reads what it holds for the objects of the
 * config, queues the removal of everything else, and starts the write-behind. A store that cannot be
 * opened or read gives {@link Failed}, never an exception: the engine still has its config and decides
 * whether to run without retained state.
 */
public final class Retention {

    /** What {@link #start} produced. */
    public sealed interface Start permits Started, Failed {
    }

    /** Retention runs: restore {@code state} (objects not in it start PENDING) and send changes to {@code writer}. */
    public record Started(WriteBehindRetention writer, RetainedState state) implements Start {
    }

    /** Retention could not start; nothing was changed on disk. */
    public record Failed(RetentionProblem problem) implements Start {
    }

    private Retention() {
    }

    /** {@code existing} holds a key for every host, service and contact in the config (the program is implied). */
    public static Start start(RetentionSettings settings, Set<ObjectKey> existing, Consumer<RetentionProblem> problems) {
        return start(settings, existing, problems, () -> { });
    }

    /** As {@link #start(RetentionSettings, Set, Consumer)}; a write that succeeds after failed ones runs {@code recovered}. */
    public static Start start(RetentionSettings settings, Set<ObjectKey> existing, Consumer<RetentionProblem> problems,
                              Runnable recovered) {
        return start(read(settings), existing, problems, recovered);
    }

    /**
     * The first half of a start, which needs no config objects: opens the store and reads everything it holds.
     * A restart runs it while the object config is still being loaded; {@link #start(Read, Set, Consumer, Runnable)}
     * or {@link Read#discard} must follow.
     */
    public static Read read(RetentionSettings settings) {
        JdbcRetentionStore store;
        try {
            // after a crash, the embedded file is rebuilt on another thread while the monitor restores and checks
            store = JdbcRetentionStore.openForStart(settings.jdbcUrl());
        } catch (RetentionException e) {
            return new Read(settings, null, null, new Failed(e.problem()));
        }
        try {
            return new Read(settings, store, store.load(), null);
        } catch (RetentionException e) {
            store.close();
            return new Read(settings, null, null, new Failed(e.problem()));
        }
    }

    /** The second half: keeps what {@code read} found for the objects of the config and starts the write-behind. */
    public static Start start(Read read, Set<ObjectKey> existing, Consumer<RetentionProblem> problems,
                              Runnable recovered) {
        if (read.failed() != null) {
            return read.failed();
        }
        WriteBehindRetention writer = new WriteBehindRetention(read.store(), read.settings().flushInterval(), problems,
                recovered);
        RetainedState kept = onlyExisting(read.state(), existing);
        // the records of objects gone from the config are deleted; when none is gone (a restart on the same config),
        // the pass over every row it takes is skipped: at 100,000 services it competed with the start for CPU
        if (kept.records().size() != read.state().records().size()
                || kept.entries().size() != read.state().entries().size()) {
            writer.retainOnly(existing);
        }
        return new Started(writer, kept);
    }

    /** An opened store and everything it held, or why it could not be read ({@code failed}). */
    public record Read(RetentionSettings settings, JdbcRetentionStore store, RetainedState state, Failed failed) {

        /** Closes the store unused (the monitor does not start after all); the database is left as it was. */
        public void discard() {
            if (store != null) {
                store.close();
            }
        }
    }

    private static RetainedState onlyExisting(RetainedState all, Set<ObjectKey> existing) {
        HashMap<ObjectKey, ObjectRecord> records = new HashMap<>(all.records().size() * 4 / 3 + 1);
        for (ObjectRecord r : all.records().values()) {
            if (r.key().kind() == ObjectKey.Kind.PROGRAM || existing.contains(r.key())) {
                records.put(r.key(), r);
            }
        }
        List<Entry> entries = all.entries().stream()
                .filter(e -> e.object().kind() == ObjectKey.Kind.PROGRAM || existing.contains(e.object()))
                .toList();
        return new RetainedState(ReadOnlyRecords.handedOver(records), entries);
    }
}
