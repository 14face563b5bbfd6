package org.vigil.engine.retention;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
