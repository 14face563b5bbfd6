package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;

/** The statements that write records and entries, in JDBC batches, inside the caller's transaction. */
final class RetentionWrites {

    private static final int JDBC_BATCH = 1000;
    static final String INSERT_OBJECT =
            "INSERT INTO vigil_object (kind, name, service, version, attributes) VALUES (?, ?, ?, ?, ?)";

    private RetentionWrites() {
    }

    static void writeRecords(Connection writer, Collection<ObjectRecord> records, String sql) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = writer.prepareStatement(sql)) {
            int n = 0;
            for (ObjectRecord r : records) {
                setKey(ps, 1, r.key());
                ps.setLong(4, r.version());
                ps.setString(5, AttributeCodec.encode(r.attributes()));
                ps.addBatch();
                if (++n % JDBC_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static void upsertEntries(Connection writer, SqlDialect dialect, Collection<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = writer.prepareStatement(dialect.upsertEntry())) {
            for (Entry e : entries) {
                ps.setLong(1, e.id());
                ps.setString(2, e.kind().name());
                setKey(ps, 3, e.object());
                ps.setString(6, AttributeCodec.encode(e.fields()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void deleteEntries(Connection writer, Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM vigil_entry WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void setKey(PreparedStatement ps, int first, ObjectKey key) throws SQLException {
        ps.setString(first, key.kind().name());
        ps.setString(first + 1, key.name());
        ps.setString(first + 2, key.service());
    }
}
