package org.vigil.engine.nagiosstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.JdbcRetentionStore;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.retention.RetentionBatch;

/**
 * The import and export on a retention.dat and a status.dat written by Debian's nagios4 (4.4.6), the retention.dat
 * edited to hold what a real one may (see its header): what is taken, what is skipped and why, ids, and the way back.
 */
class StateImportTest {

    private static final ObjectKey APP = ObjectKey.service("web1", "app");
    private static final ObjectKey DB = ObjectKey.service("web1", "db");
    private static final VigilObjects VIGIL = vigil();

    @TempDir
    Path tmp;

    private static VigilObjects vigil() {
        Set<ObjectKey> keys = Set.of(ObjectKey.host("web1"), ObjectKey.host("db1"), APP, DB,
                ObjectKey.service("web1", "disk"), ObjectKey.service("db1", "backup"), ObjectKey.contact("oncall"));
        Map<ObjectKey, VigilObjects.Settings> settings = new HashMap<>();
        keys.forEach(k -> settings.put(k, new VigilObjects.Settings(0, false, 1)));
        settings.put(APP, new VigilObjects.Settings(0, false, 4)); // raised in Vigil's config since Nagios ran
        return new VigilObjects(keys, settings);
    }

    private static StateFile file(String name) throws Exception {
        return StateFile.read(Path.of(StateImportTest.class.getResource("/nagiosstate/" + name).toURI()));
    }

    private static Map<ObjectKey, ObjectRecord> byKey(StateImport.Result r) {
        return r.records().stream().collect(Collectors.toMap(ObjectRecord::key, x -> x));
    }

    @Test
    void takesStatesSwitchesByTheirBitAndDerivesTheNextNotification() throws Exception {
        StateImport.Result r = StateImport.of(file("retention.dat"), VIGIL);
        Map<ObjectKey, ObjectRecord> records = byKey(r);
        assertThat(records).hasSize(8); // 2 hosts, 4 services, the contact, the program
        Map<String, String> app = records.get(APP).attributes();
        assertThat(app).containsEntry("current_state", "2").containsEntry("state_type", "1")
                .containsEntry("problem_has_been_acknowledged", "1").containsEntry("acknowledgement_type", "2")
                .containsEntry("current_notification_number", "1").containsEntry("plugin_output", "CRITICAL - app down")
                .containsEntry("no_more_notifications", "1") // notification_interval 0, as Nagios derives it
                .containsEntry("next_notification", app.get("last_notification"))
                .containsEntry("current_attempt", "4") // a hard problem: at max_check_attempts, as Nagios at read
                .doesNotContainKeys("notifications_enabled", "check_latency", "notified_on_critical");
        Map<String, String> db = records.get(DB).attributes();
        assertThat(db).containsEntry("notifications_enabled", "0") // modified_attributes=1 says a command did it
                .doesNotContainKey("event_handler_enabled"); // changed without its bit: Nagios keeps the config's
        assertThat(records.get(ObjectKey.contact("oncall")).attributes()).containsKeys("last_service_notification");
        assertThat(records.get(ObjectKey.program()).attributes()).containsKeys("next_event_id", "next_problem_id")
                .doesNotContainKey("enable_notifications"); // modified_host_attributes=0
    }

    @Test
    void reportsWhatItSkippedAndWhy() throws Exception {
        ImportReport report = StateImport.of(file("retention.dat"), VIGIL).report();
        assertThat(report.skipped()).containsExactly("service web9;gone: not in Vigil's config",
                "comment 12 of host web9: not in Vigil's config");
        assertThat(report.lines()).contains("  unknown keys, ignored: some_future_key (1 blocks)")
                .anyMatch(l -> l.startsWith("took: 1 acknowledgements, 6 comments, 1 contacts, 3 downtimes,"))
                .anyMatch(l -> l.startsWith("  comes from Vigil's config: check_command, check_interval"));
    }

    @Test
    void downtimesKeepTheirIdsAndCommentsMoveOutOfTheirWay() throws Exception {
        StateImport.Result r = StateImport.of(file("retention.dat"), VIGIL);
        Map<Long, Entry> byId = r.entries().stream().collect(Collectors.toMap(Entry::id, e -> e));
        assertThat(byId.get(2L).kind()).isEqualTo(Entry.Kind.DOWNTIME);
        assertThat(byId.get(2L).fields()).containsEntry("triggered_by", "1").containsEntry("is_in_effect", "1")
                .containsEntry("comment_id", "5");
        // Nagios's comment 1, the acknowledgement's, after every id of the file (web9's skipped comment 12 too)
        assertThat(byId.get(13L).object()).isEqualTo(APP);
        assertThat(byId.get(13L).fields()).containsEntry("entry_type", "4").containsEntry("author", "alice");
        assertThat(byId).containsOnlyKeys(1L, 2L, 3L, 4L, 5L, 6L, 13L, 14L, 15L);
        assertThat(r.nextEntryId()).isEqualTo(16);
    }

    @Test
    void statusDatIsTheFallback() throws Exception {
        StateFile status = file("status.dat");
        assertThat(status.kind()).isEqualTo(StateFile.Kind.STATUS);
        StateImport.Result r = StateImport.of(status, VIGIL);
        Map<String, String> app = byKey(r).get(APP).attributes();
        Map<String, String> fromRetention = byKey(StateImport.of(file("retention.dat"), VIGIL)).get(APP).attributes();
        for (String f : List.of("current_state", "state_type", "current_attempt", "last_state_change",
                "problem_has_been_acknowledged", "acknowledgement_type", "current_notification_number",
                "last_notification")) {
            assertThat(app.get(f)).as(f).isEqualTo(fromRetention.get(f));
        }
        assertThat(r.entries()).hasSize(9);
        assertThat(r.report().lines()).anyMatch(l -> l.contains("no flapping history"));
    }

    @Test
    void theExportReadsBackAsTheSameState() throws Exception {
        StateImport.Result first = StateImport.of(file("retention.dat"), VIGIL);
        Path written = tmp.resolve("retention.dat");
        Files.writeString(written, StateExport.write(new RetainedState(byKey(first), first.entries()),
                Instant.ofEpochSecond(1_796_670_900L)));
        StateImport.Result again = StateImport.of(written, VIGIL); // read a block at a time, as the command does
        assertThat(again.entries()).containsExactlyInAnyOrderElementsOf(first.entries());
        assertThat(byKey(again).get(APP).attributes()).isEqualTo(byKey(first).get(APP).attributes());
        assertThat(Files.readString(written)).contains("notified_on_critical=1", "next_comment_id=16");
    }

    @Test
    void replacesWhatTheStoreHeldAndRaisesItsIds() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("store");
        try (JdbcRetentionStore store = JdbcRetentionStore.open(url)) {
            store.apply(new RetentionBatch(List.of(new ObjectRecord(ObjectKey.host("old"), 1, Map.of())),
                    List.of(new Entry(Entry.Kind.COMMENT, 3, ObjectKey.host("old"), Map.of("author", "x"))), Set.of(),
                    java.util.Optional.empty()));
            StoreReplacement.replace(store, StateImport.of(file("retention.dat"), VIGIL));
            RetainedState now = store.load();
            assertThat(now.records()).hasSize(8).doesNotContainKey(ObjectKey.host("old"));
            assertThat(now.entries()).hasSize(9).noneMatch(e -> e.object().equals(ObjectKey.host("old")));
            assertThat(store.reserveEntryIds(1)).isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void aFileCutShortIsNamedWithItsLine() throws Exception {
        Path cut = tmp.resolve("retention.dat");
        Files.writeString(cut, "info {\ncreated=1\n}\nhost {\nhost_name=web1\n");
        assertThatThrownBy(() -> StateFile.read(cut)).isInstanceOf(StateFile.Unreadable.class)
                .hasMessage(cut + ":4: the host block has no end ('}'): is the file cut short?");
        Files.writeString(cut, "hello\n");
        assertThatThrownBy(() -> StateFile.read(cut)).hasMessageContaining(":1: expected the start of a block");
    }
}
