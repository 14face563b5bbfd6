package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on embedded H2, the default back end (always runs), and H2's durability settings. */
class H2RetentionStoreTest extends RetentionStoreContract {

    @TempDir
    Path dir;

    @Override
    protected String freshDatabaseUrl() {
        return RetentionSettings.embedded(dir.resolve("retention.dat")).jdbcUrl();
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(H2Dialect.withRequiredSettings(freshDatabaseUrl()),
                new H2Dialect().connectionProperties());
    }

    @Test
    void commits_are_written_at_once_even_if_someone_changed_the_write_delay() throws SQLException {
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 500");
        }
        try (RetentionStore store = open(); Connection c = rawConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void after_a_crash_the_database_is_copied_into_a_new_file_with_everything_in_it() throws Exception {
        RetentionStore store = open();
        store.apply(RetentionBatch.ofRecords(java.util.List.of(record(ObjectKey.host("web1"), 3, "state", "1"))));
        long id = store.reserveEntryIds(5);
        Entry comment = new Entry(Entry.Kind.COMMENT, id, ObjectKey.host("web1"), java.util.Map.of("text", "hi"));
        store.apply(entries(java.util.List.of(comment), java.util.Set.of()));
        store.close();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE vigil_meta SET num = 1 WHERE name = 'unclosed'"); // as if killed
        }
        // and as if an earlier rebuild had been killed halfway
        java.nio.file.Files.writeString(dir.resolve("vigil-retention.rebuild.mv.db"), "half a database");

        RetentionStore reopened = open();

        assertThat(dir.resolve("vigil-retention.mv.db.crashed")).exists();
        assertThat(dir.resolve("vigil-retention.rebuild.mv.db")).doesNotExist();
        assertThat(reopened.load().records()).containsOnlyKeys(ObjectKey.host("web1"));
        assertThat(reopened.load().entries()).containsExactly(comment);
        assertThat(reopened.reserveEntryIds(1)).isGreaterThanOrEqualTo(id + 5);
        reopened.close();
        java.nio.file.Path copy = dir.resolve("vigil-retention.mv.db.crashed");
        long before = copy.toFile().lastModified();
        open().close();
        assertThat(copy.toFile().lastModified()).as("a clean close does not lead to another copy").isEqualTo(before);
    }

    @Test
    void at_start_after_a_crash_the_state_is_read_at_once_and_the_copy_is_made_for_the_first_write()
            throws Exception {
        RetentionStore store = open();
        store.apply(RetentionBatch.ofRecords(java.util.List.of(record(ObjectKey.host("web1"), 3, "state", "1"))));
        long id = store.reserveEntryIds(5);
        Entry comment = new Entry(Entry.Kind.COMMENT, id, ObjectKey.host("web1"), java.util.Map.of("text", "hi"));
        store.apply(entries(java.util.List.of(comment), java.util.Set.of()));
        store.close();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE vigil_meta SET num = 1 WHERE name = 'unclosed'"); // as if killed
        }

        JdbcRetentionStore reopened = JdbcRetentionStore.openForStart(freshDatabaseUrl());

        RetainedState read = reopened.load();
        assertThat(read.records()).containsOnlyKeys(ObjectKey.host("web1"));
        assertThat(read.entries()).containsExactly(comment);
        assertThat(dir.resolve("vigil-retention.mv.db.crashed")).as("no copy before a write needs it")
                .doesNotExist();
        reopened.apply(RetentionBatch.ofRecords(java.util.List.of(record(ObjectKey.host("web2"), 4, "state", "0"))));
        assertThat(dir.resolve("vigil-retention.mv.db.crashed")).as("the write waited for the copy").exists();
        assertThat(dir.resolve("vigil-retention.rebuild.mv.db")).doesNotExist();
        assertThat(reopened.reserveEntryIds(1)).isGreaterThanOrEqualTo(id + 5);
        assertThat(reopened.load().records()).containsOnlyKeys(ObjectKey.host("web1"), ObjectKey.host("web2"));
        reopened.close();
        java.nio.file.Path copy = dir.resolve("vigil-retention.mv.db.crashed");
        long before = copy.toFile().lastModified();
        JdbcRetentionStore.openForStart(freshDatabaseUrl()).close();
        assertThat(copy.toFile().lastModified()).as("a clean close does not lead to another copy").isEqualTo(before);
    }

    @Test
    void settings_in_a_users_url_are_kept_and_the_missing_ones_added() {
        assertThat(H2Dialect.withRequiredSettings("jdbc:h2:file:/x/y;compress=false"))
                .isEqualTo("jdbc:h2:file:/x/y;compress=false;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
        assertThat(new H2Dialect().where("jdbc:h2:file:/var/lib/vigil/vigil-retention;COMPRESS=TRUE"))
                .isEqualTo("/var/lib/vigil/vigil-retention.mv.db");
    }
}
