package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine sees at start: retained state for the objects it has, nothing for the others. */
class RetentionStartTest {

    @TempDir
    Path dir;

    private static final ObjectKey WEB = ObjectKey.host("web1");
    private static final ObjectKey HTTP = ObjectKey.service("web1", "HTTP");
    private static final ObjectKey OLD = ObjectKey.service("web1", "Gopher");

    @Test
    void a_first_start_finds_nothing_and_every_object_starts_pending() {
        Retention.Start start = Retention.start(RetentionSettings.embedded(dir.resolve("retention.dat")), Set.of(WEB), p -> { });

        assertThat(start).isInstanceOfSatisfying(Retention.Started.class, s -> {
            assertThat(s.state()).isEqualTo(RetainedState.empty());
            s.writer().close();
        });
        assertThat(dir.resolve("vigil-retention.mv.db")).exists();
    }

    @Test
    void a_restart_restores_existing_objects_and_forgets_removed_ones() {
        RetentionSettings settings = RetentionSettings.embedded(dir.resolve("retention.dat"));
        ObjectRecord web = new ObjectRecord(WEB, 5, Map.of("current_state", "1"));
        ObjectRecord old = new ObjectRecord(OLD, 5, Map.of("current_state", "2"));
        ObjectRecord program = new ObjectRecord(ObjectKey.program(), 5, Map.of("enable_notifications", "0"));
        Entry comment = new Entry(Entry.Kind.COMMENT, 7, WEB, Map.of("text", "rebooted"));
        Entry oldAck = new Entry(Entry.Kind.ACKNOWLEDGEMENT, 8, OLD, Map.of("author", "bob"));
        try (RetentionStore store = JdbcRetentionStore.open(settings.jdbcUrl())) {
            store.apply(new RetentionBatch(List.of(web, old, program), List.of(comment, oldAck), Set.of(), Optional.empty()));
        }

        Retention.Start start = Retention.start(settings, Set.of(WEB, HTTP), p -> { });

        Retention.Started started = (Retention.Started) start;
        assertThat(started.state().records()).containsOnlyKeys(WEB, ObjectKey.program());
        assertThat(started.state().entries()).containsExactly(comment);
        started.writer().close();
        try (RetentionStore store = JdbcRetentionStore.open(settings.jdbcUrl())) {
            assertThat(store.load()).isEqualTo(started.state());
        }
    }
}
