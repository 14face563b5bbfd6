package org.vigil.notify.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The outbox table on JDBC. One connection, used under this object's lock; every write is one
 * transaction, made durable ({@link OutboxDialect#afterCommit}) before the method returns.
 */
final class OutboxStore implements AutoCloseable {

    private static final String COLUMNS = "id, delivery_key, channel, notification, status, attempts, created_at,"
            + " next_attempt_at, last_error, finished_at";
    /** Pending rows of a channel with no earlier pending row of the same order key: the ones allowed to go. */
    private static final String HEADS = " FROM vigil_outbox o WHERE o.channel = ? AND o.status = 'PENDING'"
            + " AND NOT EXISTS (SELECT 1 FROM vigil_outbox p WHERE p.channel = o.channel AND p.order_key = o.order_key"
            + " AND p.status = 'PENDING' AND p.id < o.id)";

    /**
     * Outboxes open in this process: H2's file lock keeps other processes out, but connections of one
     * process share the database, and two outboxes on one table would deliver each row twice.
     */
    private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

    private final OutboxDialect dialect;
    private final String url;
    private final String where;
    private Connection connection;
    /** A write failed: open a new connection before the next call. */
    private boolean broken;
    private boolean closed;

    private OutboxStore(OutboxDialect dialect, String url, String where, Connection connection) {
        this.dialect = dialect;
        this.url = url;
        this.where = where;
        this.connection = connection;
    }

    /** Opens (creating or migrating) the outbox at {@code url}. */
    static OutboxStore open(String url) {
        OutboxDialect dialect = OutboxDialect.forUrl(url);
        if (dialect == null) {
            throw new OutboxException(url + ": the outbox runs on H2 or PostgreSQL only (use a jdbc:h2:file: or"
                    + " jdbc:postgresql: URL)", null);
        }
        String full = dialect.fullUrl(url);
        String where = dialect.where(url);
        if (!OPEN.add(where)) {
            throw new OutboxException(where + ": cannot open the notification outbox: it is open already in this"
                    + " process", null);
        }
        try {
            Connection c = connect(dialect, full, where);
            try {
                OutboxSchema.migrate(c, dialect, where);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new OutboxStore(dialect, full, where, c);
        } catch (SQLException e) {
            OPEN.remove(where);
            throw new OutboxException(where + ": cannot open the notification outbox: " + e.getMessage()
                    + (dialect == OutboxDialect.H2 ? " (is another Vigil using this file?)" : ""), e);
        } catch (RuntimeException e) {
            OPEN.remove(where);
            throw e;
        }
    }

    private static Connection connect(OutboxDialect dialect, String url, String where) throws SQLException {
        Connection c = DriverManager.getConnection(url, dialect.properties());
        c.setAutoCommit(false);
        if (!dialect.claim(c)) {
            c.close();
            throw new OutboxException(where + ": the notification outbox is in use by another process; stop the"
                    + " other Vigil, or give this one its own database or schema", null);
        }
        return c;
    }

    String where() {
        return where;
    }

    /** Inserts the rows whose keys are new, in one durable transaction; returns how many were new. */
    synchronized int insert(Collection<NewDelivery> rows, long now) throws SQLException {
        Connection c = connection();
        int inserted = 0;
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM vigil_outbox WHERE delivery_key = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO vigil_outbox (delivery_key, channel, order_key,"
                     + " notification, status, attempts, created_at, next_attempt_at, last_error, finished_at)"
                     + " VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, '', 0)")) {
            for (NewDelivery row : rows) {
                exists.setString(1, row.key());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                insert.setString(1, row.key());
                insert.setString(2, row.channel());
                insert.setString(3, row.orderKey());
                insert.setString(4, row.notification());
                insert.setLong(5, now);
                insert.setLong(6, now);
                insert.executeUpdate();
                inserted++;
            }
            commit(c);
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        }
        return inserted;
    }

    /** Up to {@code limit} deliveries of {@code channel} due at {@code now}, oldest first. */
    synchronized List<StoredDelivery> due(String channel, long now, int limit) throws SQLException {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed() + HEADS
                + " AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?")) {
            ps.setString(1, channel);
            ps.setLong(2, now);
            ps.setInt(3, limit);
            return readAll(c, ps);
        } catch (SQLException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** When the next delivery of {@code channel} is due, if one is pending. */
    synchronized OptionalLong nextDue(String channel) throws SQLException {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(o.next_attempt_at)" + HEADS)) {
            ps.setString(1, channel);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long next = rs.getLong(1);
                boolean none = rs.wasNull();
                c.commit();
                return none ? OptionalLong.empty() : OptionalLong.of(next);
            }
        } catch (SQLException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /**
     * Committed without the fsync of the other writes: the one window for a second send is between the receiver
     * accepting and this commit, so it must be short. It survives a kill -9 (the commit has reached the file); a
     * power cut may lose it, and then the mail goes out again with the same Message-ID.
     */
    synchronized void delivered(long id, int attempts, long at) throws SQLException {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE vigil_outbox SET status = 'DELIVERED', attempts = ?, finished_at = ? WHERE id = ?")) {
            ps.setInt(1, attempts);
            ps.setLong(2, at);
            ps.setLong(3, id);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        }
    }

    synchronized void retryLater(long id, int attempts, long next, String error) throws SQLException {
        update("UPDATE vigil_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts, next, error, id);
    }

    synchronized void failed(long id, int attempts, long at, String error) throws SQLException {
        update("UPDATE vigil_outbox SET status = 'FAILED', attempts = ?, finished_at = ?, last_error = ? WHERE id = ?",
                attempts, at, error, id);
    }

    /** Makes a failed delivery pending again, due now; false if {@code id} is not a failed delivery. */
    synchronized boolean requeue(long id, long now) throws SQLException {
        return update("UPDATE vigil_outbox SET status = 'PENDING', next_attempt_at = ?, finished_at = 0"
                + " WHERE id = ? AND status = 'FAILED'", now, id) == 1;
    }

    /** Which of {@code keys} are DELIVERED or FAILED. */
    synchronized Set<String> finished(Collection<String> keys) throws SQLException {
        Set<String> done = new java.util.HashSet<>();
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM vigil_outbox WHERE delivery_key = ?")) {
            for (String key : keys) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !DeliveryStatus.PENDING.name().equals(rs.getString(1))) {
                        done.add(key);
                    }
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            broken = true;
            throw e;
        }
        return done;
    }

    /** Deletes delivered rows finished before {@code before}; returns how many. */
    /** A write that changes nothing, committed: whether the outbox can be written again. */
    synchronized void probe() throws SQLException {
        update("UPDATE vigil_outbox_meta SET num = num WHERE name = 'schema_version'");
    }

    synchronized int pruneDelivered(long before) throws SQLException {
        return update("DELETE FROM vigil_outbox WHERE status = 'DELIVERED' AND finished_at < ?", before);
    }

    /**
     * Records that token {@code id} was used by {@code by} at {@code now}, unless it was already: then the earlier
     * use  and nothing is written. One transaction, under this store's lock.
     */
    synchronized Optional<Outbox.TokenUse> claimToken(String id, String by, long now, long expires)
            throws SQLException {
        Optional<Outbox.TokenUse> earlier = tokenUse(id);
        if (earlier.isPresent()) {
            return earlier;
        }
        update("INSERT INTO vigil_email_action_used (token_id, used_by, used_at, expires_at) VALUES (?, ?, ?, ?)", id,
                by, now, expires);
        return Optional.empty();
    }

    /** The use of token {@code id} , if it was used. */
    synchronized Optional<Outbox.TokenUse> tokenUse(String id) throws SQLException {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT used_by, used_at FROM vigil_email_action_used"
                + " WHERE token_id = ?")) {
            ps.setString(1, id);
            Optional<Outbox.TokenUse> out;
            try (ResultSet rs = ps.executeQuery()) {
                out = rs.next() ? Optional.of(new Outbox.TokenUse(rs.getString(1),
                        java.time.Instant.ofEpochMilli(rs.getLong(2)))) : Optional.empty();
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Forgets the use of token {@code id} (its command was refused: the link may be tried again). */
    synchronized void releaseToken(String id) throws SQLException {
        update("DELETE FROM vigil_email_action_used WHERE token_id = ?", id);
    }

    /** Forgets the uses of tokens expired before {@code before}: they are refused as expired anyway. */
    synchronized int pruneTokens(long before) throws SQLException {
        return update("DELETE FROM vigil_email_action_used WHERE expires_at < ?", before);
    }

    /** Every delivery in one of {@code statuses}, oldest first. */
    synchronized List<StoredDelivery> list(Set<DeliveryStatus> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return List.of();
        }
        Connection c = connection();
        String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM vigil_outbox WHERE status IN ("
                + in + ") ORDER BY id")) {
            return readAll(c, ps);
        } catch (SQLException | RuntimeException e) {
            broken = true; // reads too: the worker may have nothing to write, and must still get past a closed database
            throw e;
        }
    }

    private int update(String sql, Object... params) throws SQLException {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            int n = ps.executeUpdate();
            commit(c);
            return n;
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        }
    }

    private static String prefixed() {
        return "o." + COLUMNS.replace(", ", ", o.");
    }

    private static List<StoredDelivery> readAll(Connection c, PreparedStatement ps) throws SQLException {
        List<StoredDelivery> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        DeliveryStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                        rs.getString(9), rs.getLong(10)));
            }
        }
        c.commit();
        return rows;
    }

    private void commit(Connection c) throws SQLException {
        c.commit();
        dialect.afterCommit(c);
    }

    private void rollback(Connection c) {
        // H2 closes a database whose file it could not write, yet its sessions still answer isValid: only a new
        // connection (opening the file again) gets past "The database has been closed" once the disk is back
        broken = true;
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the next call reconnects.
        }
    }

    /** The connection, opened again if the database server restarted since the last call. */
    private Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the outbox is closed");
        }
        if (broken || connection.isClosed() || !connection.isValid(10)) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken.
            }
            connection = connect(dialect, url, where);
            broken = false;
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Every write was committed; nothing is lost.
        } finally {
            OPEN.remove(where);
        }
    }
}
