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
    void settings_in_a_users_url_are_kept_and_the_missing_ones_added() {
        assertThat(H2Dialect.withRequiredSettings("jdbc:h2:file:/x/y;compress=false"))
                .isEqualTo("jdbc:h2:file:/x/y;compress=false;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
        assertThat(new H2Dialect().where("jdbc:h2:file:/var/lib/vigil/vigil-retention;COMPRESS=TRUE"))
                .isEqualTo("/var/lib/vigil/vigil-retention.mv.db");
    }
}
