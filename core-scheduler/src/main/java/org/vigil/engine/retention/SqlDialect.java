package org.vigil.engine.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** What differs between the databases retention runs on; chosen by the JDBC URL. */
interface SqlDialect {

    /** An unbounded text column type. */
    String textType();

    /** Inserts or replaces a record: parameters kind, name, service, version, attributes. */
    String upsertObject();

    /** Inserts or replaces an entry: parameters id, kind, object kind, name, service, fields. */
    String upsertEntry();

    /** Connection properties the URL may override. */
    Properties connectionProperties();

    /**
     * Readies a new writing connection and makes this process the database's only writer (H2 locks its
     * file by itself); false if another process writes it already.
     */
    boolean claim(Connection connection) throws SQLException;

    /** Gives up the claim before the connection is closed, so the next owner need not wait for the server to notice. */
    default void release(Connection connection) throws SQLException {
    }

    /** Runs after every commit of a write; makes the commit survive the machine going down too. */
    void afterCommit(Connection connection) throws SQLException;

    /** Where the data lives, for messages: a file, or the URL without credentials. */
    String where(String url);

    /** The dialect for {@code url}, or null when retention does not run on that database. */
    static SqlDialect forUrl(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return new H2Dialect();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        return null;
    }
}
