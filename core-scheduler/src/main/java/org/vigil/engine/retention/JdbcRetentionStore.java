package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link RetentionStore} on JDBC: embedded H2 by default, PostgreSQL when the URL says so. One
 * connection writes, under a lock; each load reads through its own connection in a repeatable-read
 * transaction, so it sees a batch entirely or not at all.
 */
public final class JdbcRetentionStore implements RetentionStore {


    private final String url;
    private final SqlDialect dialect;
    private final String where;
    private Connection writer;
    /** A write failed: connect again before the next one. */
    private boolean broken;
    /** How long a start waits for another owner's claim to go before saying the database is in use. */
    private static final java.time.Duration CLAIM_PATIENCE = java.time.Duration.ofSeconds(3);

    private final Object lock = new Object();
    private boolean closed;

    private JdbcRetentionStore(String url, SqlDialect dialect, Connection writer) {
        this.url = url;
        this.dialect = dialect;
        this.where = dialect.where(url);
        this.writer = writer;
    }

    /**
     * Opens the database at {@code url}, creating or migrating its schema.
     *
     * @throws RetentionException with a problem naming the file or URL, what is wrong and what to do
     */
    public static JdbcRetentionStore open(String url) {
        return open(url, true);
    }

    /** Opens without the rebuild after a crash: for the rebuild itself. */
    static JdbcRetentionStore openWithoutRebuild(String url) {
        return open(url, false);
    }

    /**
     * As {@link #open(String)}, for a start: after a crash the embedded database is read at once and its first
     * {@link #load} answers from what was read, while the rebuild into a new file ({@link H2Rebuild}) runs on its
     * own thread, from the first write on (at most {@link #REBUILD_LATEST} after the open); every write waits for it.
     * The monitor restores and checks meanwhile instead of waiting seconds for a rewrite of every record.
     */
    static JdbcRetentionStore openForStart(String url) {
        return open(url, true, true);
    }

    private static JdbcRetentionStore open(String url, boolean rebuildIfUnclean) {
        return open(url, rebuildIfUnclean, false);
    }

    private static JdbcRetentionStore open(String url, boolean rebuildIfUnclean, boolean rebuildLater) {
        SqlDialect dialect = SqlDialect.forUrl(url);
        if (dialect == null) {
            throw new RetentionException(new RetentionProblem(url, "retention runs on H2 or PostgreSQL only",
                    "use a jdbc:h2:file: or jdbc:postgresql: URL"), null);
        }
        String fullUrl = dialect instanceof H2Dialect ? H2Dialect.withRequiredSettings(url) : url;
        String where = dialect.where(url);
        Connection c = null;
        try {
            c = connectWriter(fullUrl, dialect, where);
            Schema.migrate(c, dialect);
            if (dialect instanceof H2Dialect && Schema.read(c, Schema.UNCLOSED, 0) == 1 && rebuildIfUnclean) {
                if (rebuildLater) {
                    return rebuildingAfterCrash(H2Rebuild.read(c), url, fullUrl, dialect);
                }
                H2Rebuild.afterUncleanShutdown(c, fullUrl);
                return open(url, false);
            }
            Schema.write(c, Schema.UNCLOSED, 1);
            c.commit();
            return new JdbcRetentionStore(fullUrl, dialect, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new RetentionException(Problems.opening(where, dialect instanceof H2Dialect, e), e);
        } catch (Schema.TooNewException e) {
            closeQuietly(c);
            throw new RetentionException(Problems.tooNew(where, e.found), e);
        } catch (RuntimeException e) {
            if (e instanceof RetentionException re) {
                closeQuietly(c);
                throw re;
            }
            // H2 reports some damage in its file as unchecked exceptions from the store underneath.
            closeQuietly(c);
            throw new RetentionException(Problems.opening(where, dialect instanceof H2Dialect,
                    new SQLException(e.getMessage(), e)), e);
        }
    }

    /** Read from a crashed database, for the first {@link #load}; null once taken, or without a crash. */
    private RetainedState readAfterCrash;
    /** The rebuild after a crash, ending with the writer on the new file; null when there is none (or it is done). */
    private CompletableFuture<Connection> rebuilding;

    private static JdbcRetentionStore rebuildingAfterCrash(H2Rebuild.Crashed crashed, String url, String fullUrl,
                                                           SqlDialect dialect) {
        JdbcRetentionStore store = new JdbcRetentionStore(fullUrl, dialect, null);
        store.readAfterCrash = crashed.state();
        store.rebuilding = new CompletableFuture<>();
        java.util.concurrent.CountDownLatch needed = new java.util.concurrent.CountDownLatch(1);
        store.rebuildNeeded = needed;
        Thread t = new Thread(() -> {
            try {
                // not before the first write needs it (or REBUILD_LATEST passed): rewriting every record took a
                // second of CPU from a restart that has none to spare, while nothing is written until checks run
                needed.await(REBUILD_LATEST.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                H2Rebuild.rewrite(fullUrl, crashed);
                store.rebuilding.complete(open(url, false).writer);
            } catch (RuntimeException | Error e) {
                store.rebuilding.completeExceptionally(e);
            } catch (InterruptedException e) {
                store.rebuilding.completeExceptionally(e);
                Thread.currentThread().interrupt();
            }
        }, "vigil-retention-rebuild");
        t.setDaemon(true);
        t.start();
        return store;
    }

    /** Starts the rebuild after a crash when no write asked for it by then. */
    static final java.time.Duration REBUILD_LATEST = java.time.Duration.ofSeconds(10);
    /** Counted down by the first write (or load, or close) that needs the rebuilt file. */
    private java.util.concurrent.CountDownLatch rebuildNeeded;

    /** Waits for the rebuild after a crash, if one runs; under {@link #lock}. A failed rebuild fails every write. */
    private void awaitRebuild() {
        if (rebuilding == null) {
            return;
        }
        rebuildNeeded.countDown();
        try {
            writer = rebuilding.join();
            rebuilding = null;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RetentionException re) {
                throw re;
            }
            throw new RetentionException(Problems.opening(where, true, new SQLException(
                    String.valueOf(e.getCause().getMessage()), e.getCause())), e.getCause());
        }
    }

    /** The claim, tried for a few seconds: the previous owner may have just stopped and its claim be on its way out. */
    private static boolean claim(Connection c, SqlDialect dialect) throws SQLException {
        long deadline = System.nanoTime() + CLAIM_PATIENCE.toNanos();
        while (!dialect.claim(c)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Connection connectWriter(String url, SqlDialect dialect, String where) throws SQLException {
        Connection c = DriverManager.getConnection(url, dialect.connectionProperties());
        c.setAutoCommit(false);
        if (!claim(c, dialect)) {
            closeQuietly(c);
            throw new RetentionException(new RetentionProblem(where, "the retention database is in use by another"
                    + " process", "stop the other Vigil using it, or give this one its own database or schema"), null);
        }
        return c;
    }

    /** A database server restarted since the last write: connect again rather than fail every write from now on. */
    private void reconnectIfLost() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the retention store is closed");
        }
        awaitRebuild();
        if (!broken && !writer.isClosed() && writer.isValid(10)) {
            return;
        }
        closeQuietly(writer);
        writer = connectWriter(url, dialect, where);
        broken = false;
    }

    @Override
    public RetainedState load() {
        synchronized (lock) {
            RetainedState read = readAfterCrash;
            if (read != null) {
                readAfterCrash = null;
                return read;
            }
            awaitRebuild(); // a later load reads the new file
        }
        try (Connection c = DriverManager.getConnection(url, dialect.connectionProperties())) {
            return RetentionReads.read(c);
        } catch (SQLException | IllegalArgumentException e) {
            throw new RetentionException(Problems.reading(where, e), e);
        }
    }

    /** Writes a whole state and the entry id counter into this (new, empty) database, in one transaction. */
    void restore(RetainedState state, long nextEntryId) {
        synchronized (lock) {
            try {
                // The database is new and empty: plain inserts, cheaper than upserts.
                RetentionWrites.writeRecords(writer, state.records().values(), RetentionWrites.INSERT_OBJECT);
                RetentionWrites.upsertEntries(writer, dialect, state.entries());
                Schema.write(writer, Schema.NEXT_ENTRY_ID, nextEntryId);
                writer.commit();
                dialect.afterCommit(writer);
            } catch (SQLException e) {
                rollbackQuietly();
                throw new RetentionException(Problems.writing(where, e), e);
            }
        }
    }

    @Override
    public void apply(RetentionBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        synchronized (lock) {
            try {
                reconnectIfLost();
                RetentionWrites.writeRecords(writer, batch.records(), dialect.upsertObject());
                RetentionWrites.upsertEntries(writer, dialect, batch.entries());
                RetentionWrites.deleteEntries(writer, batch.removedEntryIds());
                if (batch.existing().isPresent()) {
                    Pruner.retainOnly(writer, batch.existing().get());
                }
                writer.commit();
                dialect.afterCommit(writer);
            } catch (SQLException e) {
                rollbackQuietly();
                throw new RetentionException(Problems.writing(where, e), e);
            } catch (RuntimeException e) {
                // H2's store underneath can fail unchecked (a full disk, a damaged page).
                rollbackQuietly();
                throw new RetentionException(Problems.writing(where, new SQLException(e.getMessage(), e)), e);
            }
        }
    }

    @Override
    public long reserveEntryIds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one id: " + count);
        }
        synchronized (lock) {
            try {
                reconnectIfLost();
                try (PreparedStatement up = writer.prepareStatement("UPDATE vigil_meta SET num = num + ? WHERE name = ?")) {
                    up.setLong(1, count);
                    up.setString(2, Schema.NEXT_ENTRY_ID);
                    up.executeUpdate();
                }
                long next = Schema.read(writer, Schema.NEXT_ENTRY_ID, -1);
                writer.commit();
                dialect.afterCommit(writer);
                return next - count;
            } catch (SQLException e) {
                rollbackQuietly();
                throw new RetentionException(Problems.writing(where, e), e);
            }
        }
    }

    /** The file or URL (without password) this store writes to, for messages. */
    public String where() {
        return where;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                awaitRebuild();
            } catch (RetentionException e) {
                return; // nothing was written; the crashed file is still marked, so the next start rebuilds
            }
            try {
                // Tells the next start that this one ended cleanly (see H2Rebuild).
                Schema.write(writer, Schema.UNCLOSED, 0);
                writer.commit();
                dialect.release(writer);
            } catch (SQLException e) {
                rollbackQuietly(); // the next start then takes it for a crash: slower, not wrong
            }
            closeQuietly(writer);
        }
    }

    private void rollbackQuietly() {
        // H2 closes a database whose file it could not write (a full disk), yet its sessions still answer isValid:
        // only a new connection, opening the file again, gets past "The database has been closed" once it can
        broken = true;
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the next write reports that.
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing is best effort: what was committed is on disk already.
        }
    }
}
