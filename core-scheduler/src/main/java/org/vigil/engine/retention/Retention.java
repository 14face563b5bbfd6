package org.vigil.engine.retention;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        JdbcRetentionStore store;
        try {
            store = JdbcRetentionStore.open(settings.jdbcUrl());
        } catch (RetentionException e) {
            return new Failed(e.problem());
        }
        RetainedState all;
        try {
            all = store.load();
        } catch (RetentionException e) {
            store.close();
            return new Failed(e.problem());
        }
        WriteBehindRetention writer = new WriteBehindRetention(store, settings.flushInterval(), problems, recovered);
        writer.retainOnly(existing);
        return new Started(writer, onlyExisting(all, existing));
    }

    private static RetainedState onlyExisting(RetainedState all, Set<ObjectKey> existing) {
        Map<ObjectKey, ObjectRecord> records = new HashMap<>(all.records());
        records.keySet().removeIf(k -> k.kind() != ObjectKey.Kind.PROGRAM && !existing.contains(k));
        List<Entry> entries = all.entries().stream()
                .filter(e -> e.object().kind() == ObjectKey.Kind.PROGRAM || existing.contains(e.object()))
                .toList();
        return new RetainedState(records, entries);
    }
}
