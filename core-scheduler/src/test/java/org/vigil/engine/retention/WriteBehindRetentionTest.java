package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindRetentionTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final List<RetentionProblem> problems = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private String url() {
        return RetentionSettings.embedded(dir.resolve("retention.dat")).jdbcUrl();
    }

    private FlakyStore store() {
        FlakyStore store = new FlakyStore(JdbcRetentionStore.open(url()));
        toClose.add(store);
        return store;
    }

    private WriteBehindRetention writer(RetentionStore store, Duration interval) {
        WriteBehindRetention writer = new WriteBehindRetention(store, interval, problems::add);
        toClose.add(writer);
        return writer;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static ObjectRecord state(String host, int state) {
        return new ObjectRecord(ObjectKey.host(host), state, Map.of("current_state", Integer.toString(state)));
    }

    @Test
    void changes_reach_the_store_within_an_interval() throws Exception {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, Duration.ofMillis(50));

        long seq = writer.save(state("web1", 2));

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (writer.durableSequence() < seq && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writer.durableSequence()).isGreaterThanOrEqualTo(seq);
        assertThat(store.load().records()).containsValue(state("web1", 2));
    }

    @Test
    void only_the_latest_change_of_an_object_is_written() {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        for (int i = 0; i < 1000; i++) {
            writer.save(state("web1", i % 4));
        }
        writer.save(state("web2", 1));

        assertThat(writer.flush()).isTrue();

        assertThat(store.applied).hasSize(1);
        assertThat(store.applied.get(0).records()).containsExactly(state("web1", 999 % 4), state("web2", 1));
    }

    @Test
    void close_writes_what_is_pending() {
        WriteBehindRetention writer = writer(JdbcRetentionStore.open(url()), NEVER);
        writer.save(state("web1", 1));
        writer.close();

        try (RetentionStore reopened = JdbcRetentionStore.open(url())) {
            assertThat(reopened.load().records()).containsValue(state("web1", 1));
        }
    }

    @Test
    void durable_writes_at_once_and_completes_once_the_change_is_in_the_store() throws Exception {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER); // no interval write: only the request writes
        long seq = writer.save(state("web1", 2));
        writer.saveEntry(new Entry(Entry.Kind.NOTIFICATION, 7, ObjectKey.host("web1"), Map.of("type", "PROBLEM")));

        assertThat(writer.durable(writer.sequence()).get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(writer.durableSequence()).isGreaterThan(seq);
        RetainedState kept = store.load();
        assertThat(kept.records().values()).containsExactly(state("web1", 2));
        assertThat(kept.entries()).extracting(Entry::kind).containsExactly(Entry.Kind.NOTIFICATION);
        assertThat(writer.durable(seq).isDone()).as("already durable: at once").isTrue();
    }

    @Test
    void changes_made_under_a_hold_are_written_together() throws Exception {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        writer.hold();
        writer.saveEntry(new Entry(Entry.Kind.NOTIFICATION, 7, ObjectKey.host("web1"), Map.of("type", "PROBLEM")));
        Thread flushing = new Thread(writer::flush);
        flushing.start();
        flushing.join(300);
        assertThat(flushing.isAlive()).as("the write waits for the hold").isTrue();
        assertThat(store.load().entries()).isEmpty();
        writer.save(state("web1", 2)); // the state change behind the notification, later in the same engine task
        writer.release();
        flushing.join(5000);

        RetainedState kept = store.load();
        assertThat(kept.entries()).hasSize(1);
        assertThat(kept.records().values()).containsExactly(state("web1", 2));
    }

    @Test
    void durable_completes_false_when_the_write_fails_and_the_change_stays_pending() throws Exception {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        writer.save(state("web1", 2));
        store.failures.set(1);

        assertThat(writer.durable(writer.sequence()).get(10, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
        assertThat(writer.durable(writer.sequence()).get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(store.load().records().values()).containsExactly(state("web1", 2));
    }

    @Test
    void durable_after_close_completes_at_once() throws Exception {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        long seq = writer.save(state("web1", 2));
        writer.close();

        assertThat(writer.durable(seq).get(1, java.util.concurrent.TimeUnit.SECONDS)).as("written by close").isTrue();
        long later = writer.save(state("web1", 0));
        assertThat(writer.durable(later).get(1, java.util.concurrent.TimeUnit.SECONDS)).as("never written").isFalse();
    }

    @Test
    void a_failed_write_is_reported_once_kept_and_retried_under_newer_changes() {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        writer.save(state("web1", 2));
        writer.save(state("web2", 2));
        store.failures.set(3);

        assertThat(writer.flush()).isFalse();
        writer.save(state("web2", 0)); // newer than the failed batch's web2
        assertThat(writer.flush()).isFalse();
        assertThat(writer.flush()).isFalse();
        long durableBefore = writer.durableSequence();
        assertThat(writer.flush()).isTrue();

        assertThat(problems).containsExactly(FlakyStore.DISK_FULL);
        assertThat(durableBefore).isZero();
        assertThat(writer.durableSequence()).isEqualTo(3);
        assertThat(store.load().records().values()).containsExactlyInAnyOrder(state("web1", 2), state("web2", 0));
    }

    @Test
    void a_run_of_failures_is_reported_once_whatever_the_causes_and_its_end_once() {
        FlakyStore store = store();
        List<String> recovered = new CopyOnWriteArrayList<>();
        WriteBehindRetention writer = new WriteBehindRetention(new RetentionStore() {
            int calls;

            @Override
            public RetainedState load() {
                return store.load();
            }

            @Override
            public void apply(RetentionBatch batch) {
                calls++;
                if (calls == 1) {
                    throw new RetentionException(FlakyStore.DISK_FULL, null);
                }
                if (calls <= 3) {
                    throw new IllegalStateException("The database has been closed");
                }
                store.apply(batch);
            }

            @Override
            public long reserveEntryIds(int count) {
                return store.reserveEntryIds(count);
            }

            @Override
            public void close() {
                store.close();
            }
        }, NEVER, problems::add, () -> recovered.add("again"));
        toClose.add(writer);
        writer.save(state("web1", 2));

        assertThat(writer.flush()).isFalse();
        assertThat(writer.writeProblem()).contains(FlakyStore.DISK_FULL);
        assertThat(writer.flush()).isFalse();
        assertThat(writer.flush()).isFalse();
        assertThat(writer.writeProblem()).get().asString().contains("unexpected failure: The database has been closed");
        assertThat(problems).containsExactly(FlakyStore.DISK_FULL);
        assertThat(recovered).isEmpty();

        assertThat(writer.flush()).isTrue();
        assertThat(writer.writeProblem()).isEmpty();
        assertThat(recovered).containsExactly("again");
        assertThat(store.load().records().values()).containsExactly(state("web1", 2));
    }

    @Test
    void a_reload_drops_vanished_objects_but_not_objects_saved_after_it() {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        writer.save(state("kept", 1));
        writer.save(state("removed", 1));
        writer.flush();
        writer.save(state("removed", 2)); // pending when the reload comes
        ObjectRecord program = new ObjectRecord(ObjectKey.program(), 1, Map.of("enable_notifications", "0"));
        writer.save(program);

        writer.retainOnly(Set.of(ObjectKey.host("kept")));
        writer.save(state("added", 0)); // an object of the new config, saved before the next write
        writer.flush();

        assertThat(store.load().records().values()).containsExactlyInAnyOrder(state("kept", 1), state("added", 0), program);
    }

    @Test
    void a_name_too_long_to_store_is_reported_and_does_not_block_other_writes() {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        writer.save(state("h".repeat(Schema.MAX_NAME_LENGTH + 1), 2));
        writer.save(state("web1", 2));

        assertThat(writer.flush()).isTrue();

        assertThat(store.load().records().values()).containsExactly(state("web1", 2));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString())
                .startsWith("host hhhh").contains(": error: the name is longer than 1024 characters"));
    }

    @Test
    void entries_are_written_and_removed() {
        FlakyStore store = store();
        WriteBehindRetention writer = writer(store, NEVER);
        Entry comment = new Entry(Entry.Kind.COMMENT, writer.nextEntryId(), ObjectKey.host("web1"), Map.of("text", "hi"));
        Entry downtime = new Entry(Entry.Kind.DOWNTIME, writer.nextEntryId(), ObjectKey.host("web1"), Map.of("end", "9"));
        writer.saveEntry(comment);
        writer.saveEntry(downtime);
        writer.flush();
        writer.removeEntry(comment.id());
        writer.flush();

        assertThat(store.load().entries()).containsExactly(downtime);
    }

    @Test
    void entry_ids_are_unique_across_threads_and_restarts() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        for (int restart = 0; restart < 2; restart++) {
            WriteBehindRetention writer = new WriteBehindRetention(JdbcRetentionStore.open(url()), NEVER, problems::add);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 1500; i++) {
                        assertThat(ids.add(writer.nextEntryId())).isTrue();
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            writer.close();
        }
        assertThat(ids).hasSize(12_000);
        assertThat(new HashSet<>(ids)).allMatch(id -> id > 0);
        assertThat(problems).isEmpty();
    }
}
