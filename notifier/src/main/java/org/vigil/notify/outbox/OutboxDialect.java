package org.vigil.notify.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between H2 and PostgreSQL for the outbox, chosen by the JDBC URL (the approach of the
 * engine's retention store: plain JDBC, one writing connection, durability settled per database).
 */
enum OutboxDialect {

    /**
     * Embedded H2: {@code WRITE_DELAY 0} makes each commit reach the file before it returns and
     * {@code CHECKPOINT SYNC} fsyncs it, so an enqueued notification survives {@code kill -9} and a power cut.
     * H2 locks its file, so a second process cannot open the same outbox.
     */
    H2("CHARACTER VARYING") {
        @Override
        String fullUrl(String url) {
            String upper = url.toUpperCase(Locale.ROOT);
            StringBuilder full = new StringBuilder(url);
            for (String setting : new String[] {"DB_CLOSE_ON_EXIT=FALSE", "TRACE_LEVEL_FILE=0"}) {
                if (!upper.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                    full.append(';').append(setting);
                }
            }
            return full.toString();
        }

        @Override
        Properties properties() {
            Properties p = new Properties();
            p.setProperty("user", "sa");
            p.setProperty("password", "");
            return p;
        }

        @Override
        boolean claim(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
            return true;
        }

        @Override
        void afterCommit(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }

        @Override
        String where(String url) {
            String rest = url.substring("jdbc:h2:".length());
            int semicolon = rest.indexOf(';');
            String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
            path = path.startsWith("file:") ? path.substring("file:".length()) : path;
            return path.startsWith("mem:") ? url : path + ".mv.db";
        }
    },

    /** PostgreSQL: commits are durable; a session advisory lock keeps a second Vigil from delivering the same rows. */
    POSTGRES("TEXT") {
        /** The first key of the outbox's advisory lock ("VGOB"). */
        private static final int LOCK_CLASS = 0x56474f42;

        @Override
        String fullUrl(String url) {
            return url;
        }

        @Override
        Properties properties() {
            Properties p = new Properties();
            p.setProperty("connectTimeout", "10");
            p.setProperty("ApplicationName", "vigil-outbox");
            return p;
        }

        @Override
        boolean claim(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_CLASS + ", hashtext(current_schema()))")) {
                rs.next();
                boolean claimed = rs.getBoolean(1);
                c.commit();
                return claimed;
            }
        }

        @Override
        void afterCommit(Connection c) {
            // A PostgreSQL commit is on disk when it returns.
        }

        @Override
        String where(String url) {
            return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
        }
    };

    final String textType;

    OutboxDialect(String textType) {
        this.textType = textType;
    }

    abstract String fullUrl(String url);

    abstract Properties properties();

    /** Readies the writing connection; false when another process owns this outbox. */
    abstract boolean claim(Connection c) throws SQLException;

    abstract void afterCommit(Connection c) throws SQLException;

    /** The file or the URL without its password, for messages. */
    abstract String where(String url);

    /** The dialect for {@code url}, or null for a database the outbox does not run on. */
    static OutboxDialect forUrl(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        return null;
    }
}
