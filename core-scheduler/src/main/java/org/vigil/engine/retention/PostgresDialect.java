package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** PostgreSQL, chosen by a {@code jdbc:postgresql:} URL; its own commit is durable (synchronous_commit). */
final class PostgresDialect implements SqlDialect {

    /** The first key of Vigil's advisory locks ("VGIL"). */
    private static final int LOCK_CLASS = 0x5647494c;

    @Override
    public String textType() {
        return "TEXT";
    }

    @Override
    public String upsertObject() {
        return "INSERT INTO vigil_object (kind, name, service, version, attributes) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (kind, name, service) DO UPDATE"
                + " SET version = EXCLUDED.version, attributes = EXCLUDED.attributes";
    }

    @Override
    public String upsertEntry() {
        return "INSERT INTO vigil_entry (id, kind, object_kind, object_name, object_service, fields)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind,"
                + " object_kind = EXCLUDED.object_kind, object_name = EXCLUDED.object_name,"
                + " object_service = EXCLUDED.object_service, fields = EXCLUDED.fields";
    }

    @Override
    public Properties connectionProperties() {
        Properties p = new Properties();
        // Sends a batch of upserts as multi-row statements: several times fewer round trips.
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("connectTimeout", "10");
        p.setProperty("ApplicationName", "vigil-retention");
        return p;
    }

    /** A session-level advisory lock per schema: PostgreSQL drops it when the connection or the process dies. */
    @Override
    public boolean claim(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_CLASS + ", hashtext(current_schema()))")) {
            rs.next();
            boolean claimed = rs.getBoolean(1);
            connection.commit();
            return claimed;
        }
    }

    /**
     * PostgreSQL drops a session lock only once the server process of the closed connection has gone, which can
     * take a moment on a loaded machine: give it up explicitly instead.
     */
    @Override
    public void release(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_unlock_all()");
            connection.commit();
        }
    }

    @Override
    public void afterCommit(Connection connection) {
        // A PostgreSQL commit is already on disk when it returns.
    }

    @Override
    public String where(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
