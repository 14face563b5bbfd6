package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RetentionStore} back end must do. A subclass gives a fresh, empty database per
 * test; the tests open, close and reopen stores on it.
 */
abstract class RetentionStoreContract {

    private final List<RetentionStore> opened = new ArrayList<>();
    private String url;

    /** A JDBC URL of a database no other test uses. */
    protected abstract String freshDatabaseUrl() throws Exception;

    /** Runs SQL on the database directly, to prepare states the store itself never makes. */
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url(), SqlDialect.forUrl(url()).connectionProperties());
    }

    private String url() {
        if (url == null) {
            try {
                url = freshDatabaseUrl();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return url;
    }

    protected RetentionStore open() {
        RetentionStore store = JdbcRetentionStore.open(url());
        opened.add(store);
        return store;
    }

    /** Closes the store and opens the database again, as a restart does. */
    protected RetentionStore reopen(RetentionStore store) {
        store.close();
        return open();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RetentionStore::close);
    }

    static ObjectRecord record(ObjectKey key, long version, String... attributes) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new ObjectRecord(key, version, map);
    }

    static RetentionBatch entries(List<Entry> saved, Set<Long> removed) {
        return new RetentionBatch(List.of(), saved, removed, Optional.empty());
    }

    @Test
    void a_new_database_holds_nothing() {
        assertThat(open().load()).isEqualTo(RetainedState.empty());
    }

    @Test
    void records_survive_a_restart_exactly() {
        RetentionStore store = open();
        List<ObjectRecord> records = List.of(
                record(ObjectKey.host("web1"), 17, "current_state", "1", "plugin_output", "DOWN - no reply"),
                record(ObjectKey.service("web1", "HTTP"), 18, "current_state", "2", "current_attempt", "3"),
                record(ObjectKey.contact("alice"), 19, "host_notifications_enabled", "0"),
                record(ObjectKey.program(), 20, "enable_notifications", "1", "enable_flap_detection", "0"),
                record(ObjectKey.host("empty"), 21));
        store.apply(RetentionBatch.ofRecords(records));

        RetainedState state = reopen(store).load();

        assertThat(state.records()).hasSize(5);
        for (ObjectRecord r : records) {
            assertThat(state.records().get(r.key())).isEqualTo(r);
        }
    }

    @Test
    void saving_a_record_replaces_all_its_attributes() {
        RetentionStore store = open();
        ObjectKey web = ObjectKey.host("web1");
        store.apply(RetentionBatch.ofRecords(List.of(record(web, 1, "a", "1", "b", "2"))));
        store.apply(RetentionBatch.ofRecords(List.of(record(web, 2, "a", "3"))));

        assertThat(store.load().records().get(web)).isEqualTo(record(web, 2, "a", "3"));
    }

    @Test
    void a_batch_that_fails_leaves_nothing_behind() {
        RetentionStore store = open();
        ObjectKey before = ObjectKey.host("before");
        store.apply(RetentionBatch.ofRecords(List.of(record(before, 1, "state", "old"))));
        List<ObjectRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            batch.add(record(ObjectKey.host("h" + i), 2, "state", "new"));
        }
        batch.add(record(before, 2, "state", "new"));
        batch.add(record(ObjectKey.host("x".repeat(5000)), 2)); // longer than a name may be: the database refuses it

        assertThatThrownBy(() -> store.apply(RetentionBatch.ofRecords(batch)))
                .isInstanceOfSatisfying(RetentionException.class,
                        e -> assertThat(e.problem().what()).startsWith("cannot write retained state"));

        RetainedState state = reopen(store).load();
        assertThat(state.records()).containsOnlyKeys(before);
        assertThat(state.records().get(before).attributes()).containsEntry("state", "old");
    }

    @Test
    void objects_gone_from_the_config_lose_their_records_and_entries() {
        RetentionStore store = open();
        ObjectKey kept = ObjectKey.service("web1", "HTTP");
        ObjectKey gone = ObjectKey.service("web1", "FTP");
        ObjectKey goneHost = ObjectKey.host("old");
        store.apply(RetentionBatch.ofRecords(List.of(record(kept, 1), record(gone, 1), record(goneHost, 1),
                record(ObjectKey.program(), 1, "enable_notifications", "0"))));
        long id = store.reserveEntryIds(3);
        store.apply(entries(List.of(
                new Entry(Entry.Kind.COMMENT, id, kept, Map.of("text", "keep me")),
                new Entry(Entry.Kind.DOWNTIME, id + 1, gone, Map.of("duration", "600")),
                new Entry(Entry.Kind.ACKNOWLEDGEMENT, id + 2, goneHost, Map.of("author", "bob"))), Set.of()));

        store.apply(RetentionBatch.retainOnly(Set.of(kept, ObjectKey.host("new"))));

        RetainedState state = reopen(store).load();
        assertThat(state.records()).containsOnlyKeys(kept, ObjectKey.program());
        assertThat(state.entries()).extracting(Entry::id).containsExactly(id);
    }

    @Test
    void entries_are_saved_replaced_removed_and_listed_in_id_order() {
        RetentionStore store = open();
        ObjectKey web = ObjectKey.host("web1");
        long first = store.reserveEntryIds(3);
        Entry comment = new Entry(Entry.Kind.COMMENT, first + 2, web, Map.of("author", "alice", "text", "rebooting"));
        Entry downtime = new Entry(Entry.Kind.DOWNTIME, first, web, Map.of("start", "100", "end", "200"));
        Entry ack = new Entry(Entry.Kind.ACKNOWLEDGEMENT, first + 1, web, Map.of("sticky", "1"));
        store.apply(entries(List.of(comment, downtime, ack), Set.of()));
        Entry triggered = new Entry(Entry.Kind.DOWNTIME, first, web, Map.of("start", "100", "end", "200", "triggered", "1"));
        store.apply(entries(List.of(triggered), Set.of(first + 1)));

        assertThat(reopen(store).load().entries()).containsExactly(triggered, comment);
    }

    @Test
    void entry_ids_are_never_handed_out_twice_even_across_restarts() {
        RetentionStore store = open();
        Set<Long> seen = new HashSet<>();
        for (int restart = 0; restart < 3; restart++) {
            for (int i = 0; i < 5; i++) {
                long first = store.reserveEntryIds(10);
                for (long id = first; id < first + 10; id++) {
                    assertThat(seen.add(id)).as("id %d handed out twice", id).isTrue();
                }
            }
            store = reopen(store);
        }
        assertThat(seen).allMatch(id -> id > 0);
    }

    @Test
    void ids_of_saved_entries_stay_used_even_if_the_counter_fell_behind() throws SQLException {
        RetentionStore store = open();
        store.apply(entries(List.of(new Entry(Entry.Kind.COMMENT, 5000, ObjectKey.host("h"), Map.of())), Set.of()));
        store.close();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE vigil_meta SET num = 1 WHERE name = 'next_entry_id'");
        }

        assertThat(open().reserveEntryIds(1)).isGreaterThan(5000);
    }

    @Test
    void unicode_control_characters_and_long_values_survive() {
        RetentionStore store = open();
        String longOutput = "line of plugin output ✓ ".repeat(20_000); // 480,000 characters
        Map<String, String> tricky = new HashMap<>();
        tricky.put("plugin_output", "CRITICAL – Ünïcödé 日本語 🚨 \\back\\slash");
        tricky.put("long_plugin_output", "multi\nline\r\nwith=equals\\n and a NUL: \0 end");
        tricky.put("key=with\nodd\\chars", "=starts with equals");
        tricky.put("", "empty name");
        tricky.put("empty", "");
        tricky.put("perf_data", longOutput);
        ObjectKey key = ObjectKey.service("hôte-東京", "Dienst 🚦;semi");
        store.apply(RetentionBatch.ofRecords(List.of(new ObjectRecord(key, Long.MAX_VALUE, tricky))));
        Entry entry = new Entry(Entry.Kind.COMMENT, store.reserveEntryIds(1), key, Map.of("text", "Ça va? \0 " + longOutput));
        store.apply(entries(List.of(entry), Set.of()));

        RetainedState state = reopen(store).load();
        assertThat(state.records().get(key).attributes()).isEqualTo(tricky);
        assertThat(state.records().get(key).version()).isEqualTo(Long.MAX_VALUE);
        assertThat(state.entries()).containsExactly(entry);
    }

    @Test
    void a_load_during_writes_sees_each_batch_whole_or_not_at_all() throws Exception {
        RetentionStore store = open();
        int objects = 400;
        store.apply(generation(objects, 0));
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                for (int g = 1; !stop.get(); g++) {
                    store.apply(generation(objects, g));
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        writer.start();
        try {
            Set<String> seenGenerations = new HashSet<>();
            long until = System.nanoTime() + 2_000_000_000L;
            long giveUp = until + 30_000_000_000L;
            while ((System.nanoTime() < until || seenGenerations.size() < 3) && writer.isAlive()
                    && System.nanoTime() < giveUp) {
                RetainedState state = store.load();
                assertThat(state.records()).hasSize(objects);
                Set<String> generations = new HashSet<>();
                state.records().values().forEach(r -> generations.add(r.attributes().get("generation")));
                assertThat(generations).as("generations seen in one load").hasSize(1);
                seenGenerations.addAll(generations);
            }
            assertThat(seenGenerations).as("loads saw the writes progress").hasSizeGreaterThanOrEqualTo(3);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failures).isEmpty();
    }

    private static RetentionBatch generation(int objects, int generation) {
        List<ObjectRecord> records = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            records.add(record(ObjectKey.service("host" + i, "svc"), generation, "generation", String.valueOf(generation)));
        }
        return RetentionBatch.ofRecords(records);
    }

    @Test
    void opening_again_keeps_the_schema_and_the_data() throws Exception {
        RetentionStore store = open();
        store.apply(RetentionBatch.ofRecords(List.of(record(ObjectKey.host("h"), 1, "a", "b"))));
        for (int i = 0; i < 3; i++) {
            store = reopen(store);
        }
        try (Connection c = rawConnection()) {
            c.setAutoCommit(false);
            Schema.migrate(c, SqlDialect.forUrl(url()));
            Schema.migrate(c, SqlDialect.forUrl(url()));
            assertThat(Schema.read(c, Schema.VERSION, -1)).isEqualTo(Schema.CURRENT);
        }
        assertThat(store.load().records()).containsOnlyKeys(ObjectKey.host("h"));
    }

    @Test
    void a_version_1_database_is_read_as_written_and_marked_version_2() throws Exception {
        open().close();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE vigil_meta SET num = 1 WHERE name = 'schema_version'");
            // a record as a version-1 Vigil wrote it: every value written out
            s.executeUpdate("DELETE FROM vigil_object");
            s.executeUpdate("INSERT INTO vigil_object (kind, name, service, version, attributes) VALUES ('SERVICE',"
                    + " 'web1', 'http', 7, 'current_state=0' || CHR(10) || 'plugin_output=OK' || CHR(10)"
                    + " || 'state_type=1')");
        }
        try (RetentionStore store = open()) {
            assertThat(store.load().records().get(ObjectKey.service("web1", "http")).attributes())
                    .isEqualTo(Map.of("current_state", "0", "plugin_output", "OK", "state_type", "1"));
        }
        try (Connection c = rawConnection()) {
            assertThat(Schema.read(c, Schema.VERSION, -1)).isEqualTo(2);
        }
    }

    @Test
    void a_database_from_a_newer_vigil_is_refused_and_left_alone() throws SQLException {
        open().close();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE vigil_meta SET num = 99 WHERE name = 'schema_version'");
        }

        assertThatThrownBy(this::open).isInstanceOfSatisfying(RetentionException.class, e -> {
            assertThat(e.problem().what()).contains("schema version 99").contains("newer Vigil");
            assertThat(e.problem().toString()).doesNotContain("Exception");
        });
        try (Connection c = rawConnection()) {
            assertThat(Schema.read(c, Schema.VERSION, -1)).isEqualTo(99);
        }
    }
}
