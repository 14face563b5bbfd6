package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the retention tables. The version lives in {@code vigil_meta}; each migration
 * runs once, in order, and every statement is idempotent so a migration cut short by a crash (H2 commits
 * DDL at once) simply runs again. A database newer than this code is refused, never downgraded.
 */
final class Schema {

    /** Thrown when the database was written by a newer Vigil. */
    static final class TooNewException extends Exception {
        private static final long serialVersionUID = 1L;
        final long found;

        TooNewException(long found) {
            super("schema version " + found);
            this.found = found;
        }
    }

    /** The longest host, service or contact name a record may have (the key columns' width). */
    static final int MAX_NAME_LENGTH = 1024;

    static final String VERSION = "schema_version";
    static final String NEXT_ENTRY_ID = "next_entry_id";
    /** 1 while a store has the database open, 0 after it closed it: 1 at open means the last run crashed. */
    static final String UNCLOSED = "unclosed";

    /**
     * Migration n (1-based) brings the schema from version n-1 to n; {@code %TEXT%} is the text type. Version 2
     * changes no table: its records may leave their usual values out ({@link AttributeCodec}), which a Vigil that
     * knows only version 1 could not read, so it refuses the database as written by a newer Vigil.
     */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE IF NOT EXISTS vigil_object (kind VARCHAR(16) NOT NULL, name VARCHAR(1024) NOT NULL,"
                    + " service VARCHAR(1024) NOT NULL, version BIGINT NOT NULL, attributes %TEXT% NOT NULL,"
                    + " PRIMARY KEY (kind, name, service))",
            "CREATE TABLE IF NOT EXISTS vigil_entry (id BIGINT PRIMARY KEY, kind VARCHAR(32) NOT NULL,"
                    + " object_kind VARCHAR(16) NOT NULL, object_name VARCHAR(1024) NOT NULL,"
                    + " object_service VARCHAR(1024) NOT NULL, fields %TEXT% NOT NULL)",
            "CREATE INDEX IF NOT EXISTS vigil_entry_object ON vigil_entry (object_kind, object_name, object_service)"),
            List.of());

    static final int CURRENT = MIGRATIONS.size();

    private Schema() {
    }

    /** Brings the schema to {@link #CURRENT}; commits. */
    static void migrate(Connection c, SqlDialect dialect) throws SQLException, TooNewException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS vigil_meta (name VARCHAR(64) PRIMARY KEY, num BIGINT NOT NULL)");
        }
        c.commit();
        long version = read(c, VERSION, 0);
        if (version > CURRENT) {
            throw new TooNewException(version);
        }
        for (int v = (int) version + 1; v <= CURRENT; v++) {
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql.replace("%TEXT%", dialect.textType()));
                }
            }
            write(c, VERSION, v);
            c.commit();
        }
        if (read(c, NEXT_ENTRY_ID, -1) < 0) {
            write(c, NEXT_ENTRY_ID, 1);
        }
        // Ids already in use stay used, whatever happened to the counter.
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE vigil_meta SET num = (SELECT COALESCE(MAX(id), 0) + 1 FROM vigil_entry)"
                    + " WHERE name = '" + NEXT_ENTRY_ID + "' AND num <= (SELECT COALESCE(MAX(id), 0) FROM vigil_entry)");
        }
        c.commit();
    }

    static long read(Connection c, String name, long missing) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT num FROM vigil_meta WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : missing;
            }
        }
    }

    static void write(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE vigil_meta SET num = ? WHERE name = ?")) {
            up.setLong(1, value);
            up.setString(2, name);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO vigil_meta (name, num) VALUES (?, ?)")) {
            in.setString(1, name);
            in.setLong(2, value);
            in.executeUpdate();
        }
    }
}
