package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deletes the records of objects no longer in the config, and every entry attached to them. The
 * program's record is never deleted. Keys are compared in Java: a NOT IN list of 100,000 keys is not
 * something either database takes well.
 */
final class Pruner {

    private Pruner() {
    }

    static int retainOnly(Connection c, Set<ObjectKey> existing) throws SQLException {
        int gone = delete(c, vanished(c, "SELECT kind, name, service FROM vigil_object", existing),
                "DELETE FROM vigil_object WHERE kind = ? AND name = ? AND service = ?");
        delete(c, vanished(c, "SELECT DISTINCT object_kind, object_name, object_service FROM vigil_entry", existing),
                "DELETE FROM vigil_entry WHERE object_kind = ? AND object_name = ? AND object_service = ?");
        return gone;
    }

    private static List<ObjectKey> vanished(Connection c, String sql, Set<ObjectKey> existing) throws SQLException {
        List<ObjectKey> vanished = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectKey key = new ObjectKey(ObjectKey.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3));
                    if (key.kind() != ObjectKey.Kind.PROGRAM && !existing.contains(key)) {
                        vanished.add(key);
                    }
                }
            }
        }
        return vanished;
    }

    private static int delete(Connection c, List<ObjectKey> keys, String sql) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ObjectKey key : keys) {
                RetentionWrites.setKey(ps, 1, key);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return keys.size();
    }
}
