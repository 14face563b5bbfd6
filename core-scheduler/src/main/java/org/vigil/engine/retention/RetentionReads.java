package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Reading a retention database whole: every object's record and every entry, in one repeatable-read snapshot. */
final class RetentionReads {

    private RetentionReads() {
    }

    /** Everything in the database, as one snapshot; commits. */
    static RetainedState read(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        if ("H2".equals(c.getMetaData().getDatabaseProductName())) {
            // rows as they are read: H2 otherwise first copies a result this large (100,000 records, 90 MB of text)
            // into a temporary store and reads it back, a third of a restart's reading
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
        }
        Map<ObjectKey, ObjectRecord> records = loadRecords(c);
        List<Entry> entries = loadEntries(c);
        c.commit();
        return new RetainedState(records, entries);
    }

    /**
     * Every object's record. Decoding the attribute text is most of a load's CPU, so rows are read in chunks and
     * every other chunk is decoded on another thread while this one reads (and decodes) the next: a restart with
     * 100,000 objects waits for about half of it.
     */
    private static Map<ObjectKey, ObjectRecord> loadRecords(Connection c) throws SQLException {
        List<CompletableFuture<List<ObjectRecord>>> decoded = new ArrayList<>();
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, name, service, version, attributes FROM vigil_object")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                List<RawRecord> chunk = new ArrayList<>(DECODE_CHUNK);
                while (rs.next()) {
                    chunk.add(new RawRecord(key(rs, 1), rs.getLong(4), rs.getString(5)));
                    if (chunk.size() == DECODE_CHUNK) {
                        decoded.add(decode(chunk, decoded.size() % 2 == 0));
                        rows += chunk.size();
                        chunk = new ArrayList<>(DECODE_CHUNK);
                    }
                }
                decoded.add(decode(chunk, false));
                rows += chunk.size();
            }
        }
        HashMap<ObjectKey, ObjectRecord> records = new HashMap<>(rows * 4 / 3 + 1);
        for (CompletableFuture<List<ObjectRecord>> f : decoded) {
            for (ObjectRecord r : joined(f)) {
                records.put(r.key(), r);
            }
        }
        return ReadOnlyRecords.handedOver(records);
    }

    private static final int DECODE_CHUNK = 2000;

    /** A row as read, its attributes not yet decoded. */
    private record RawRecord(ObjectKey key, long version, String attributes) {
        ObjectRecord decoded() {
            return new ObjectRecord(key, version, AttributeCodec.decode(attributes));
        }
    }

    private static CompletableFuture<List<ObjectRecord>> decode(List<RawRecord> chunk, boolean elsewhere) {
        return elsewhere ? CompletableFuture.supplyAsync(() -> decodeAll(chunk))
                : CompletableFuture.completedFuture(decodeAll(chunk));
    }

    private static List<ObjectRecord> decodeAll(List<RawRecord> chunk) {
        List<ObjectRecord> records = new ArrayList<>(chunk.size());
        for (RawRecord r : chunk) {
            records.add(r.decoded());
        }
        return records;
    }

    /**
     * The decoded chunk; a record that cannot be decoded is the IllegalArgumentException
     * {@link JdbcRetentionStore#load} reports.
     */
    private static List<ObjectRecord> joined(CompletableFuture<List<ObjectRecord>> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static List<Entry> loadEntries(Connection c) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, kind, object_kind, object_name, object_service, fields FROM vigil_entry ORDER BY id")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(Entry.Kind.valueOf(rs.getString(2)), rs.getLong(1), key(rs, 3),
                            AttributeCodec.decode(rs.getString(6))));
                }
            }
        }
        return entries;
    }

    private static ObjectKey key(ResultSet rs, int first) throws SQLException {
        return new ObjectKey(ObjectKey.Kind.valueOf(rs.getString(first)), rs.getString(first + 1),
                rs.getString(first + 2));
    }
}
