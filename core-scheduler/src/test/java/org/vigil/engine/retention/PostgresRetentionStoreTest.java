package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL. Starts a throwaway server (about a second), or uses
 * {@code VIGIL_TEST_PG_URL}; fails, not skips, when PostgreSQL is not installed.
 */
class PostgresRetentionStoreTest extends RetentionStoreContract {

    private static PostgresTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected String freshDatabaseUrl() throws Exception {
        return server.freshSchemaUrl();
    }

    @Test
    void a_second_vigil_on_the_same_schema_is_refused_until_the_first_is_gone() {
        RetentionStore first = open();

        assertThatThrownBy(this::open).isInstanceOfSatisfying(RetentionException.class, e -> assertThat(e.problem().toString())
                .contains(": error: the retention database is in use by another process (stop the other Vigil")
                .doesNotContain("password="));

        first.close();
        // the server ends the first session (and frees its lock) a moment after the client closes it
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                open();
                return;
            } catch (RetentionException e) {
                assertThat(System.nanoTime()).as(e.problem().toString()).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void writes_go_on_after_the_server_dropped_the_connection() throws Exception {
        RetentionStore store = open();
        store.apply(RetentionBatch.ofRecords(List.of(record(ObjectKey.host("before"), 1))));
        try (Connection c = rawConnection(); Statement s = c.createStatement();
             ResultSet killed = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = 'vigil-retention' AND pid <> pg_backend_pid()")) {
            assertThat(killed.next()).as("the store's connection was found and ended").isTrue();
        }

        store.apply(RetentionBatch.ofRecords(List.of(record(ObjectKey.host("after"), 1))));

        assertThat(store.load().records()).containsOnlyKeys(ObjectKey.host("before"), ObjectKey.host("after"));
    }
}
