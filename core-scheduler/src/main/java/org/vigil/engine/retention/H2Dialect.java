package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Embedded H2 (the default). Durability: with {@code WRITE_DELAY 0} every commit writes its MVStore
 * chunk to the file before returning, so a {@code kill -9} loses nothing committed; the
 * {@code CHECKPOINT SYNC} after each write (one per flush interval) fsyncs it, so a power cut does not
 * either. {@code DB_CLOSE_ON_EXIT=FALSE} keeps H2's own shutdown hook from closing the database
 * before the write-behind's last flush on a normal shutdown.
 */
final class H2Dialect implements SqlDialect {

    /**
     * Settings added unless the URL sets them. H2's trace file is off: retention reports its own problems,
     * and H2 prints a stack trace when it cannot write one. COMPRESS: retained attributes repeat a lot;
     * the performance test's file (100,000 services, three flushes) is 7 MB compressed, 860 MB not, for about
     * the same CPU.
     */
    static final String REQUIRED_URL_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;COMPRESS=TRUE";

    @Override
    public String textType() {
        return "CHARACTER VARYING";
    }

    @Override
    public String upsertObject() {
        return "MERGE INTO vigil_object (kind, name, service, version, attributes) KEY (kind, name, service)"
                + " VALUES (?, ?, ?, ?, ?)";
    }

    @Override
    public String upsertEntry() {
        return "MERGE INTO vigil_entry (id, kind, object_kind, object_name, object_service, fields) KEY (id)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
    }

    @Override
    public Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return p;
    }

    /** WRITE_DELAY is a persistent database setting; it is set on every open in case someone changed it. */
    @Override
    public boolean claim(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
        return true;
    }

    @Override
    public void afterCommit(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    public String where(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        return path.startsWith("mem:") ? url : path + ".mv.db";
    }

    /** The same URL with {@code suffix} added to the database's file name. */
    static String withBaseSuffix(String url, String suffix) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url + suffix : url.substring(0, semicolon) + suffix + url.substring(semicolon);
    }

    /** Adds the settings retention needs to a user's H2 URL, unless the user set them. */
    static String withRequiredSettings(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder full = new StringBuilder(url);
        for (String setting : REQUIRED_URL_SETTINGS.substring(1).split(";")) {
            if (!upper.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                full.append(';').append(setting);
            }
        }
        return full.toString();
    }
}
