package org.vigil.engine.retention;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Measures 100,000 records on each back end and prints the figures (a benchmark: it prints, it does not
 * judge). Not part of the test run (its name does not end in Test); run it with {@code bench/retention/run.sh}.
 */
class RetentionPerformanceBench {

    @Test
    void h2() throws Exception {
        Path dir = Files.createTempDirectory("vigil-retention-bench");
        RetentionPerformance.Figures f = RetentionPerformance.measure(
                RetentionSettings.embedded(dir.resolve("retention.dat")).jdbcUrl());
        System.out.println("H2: " + f);
    }

    @Test
    void postgresql() throws Exception {
        try (PostgresTestServer server = PostgresTestServer.start()) {
            RetentionPerformance.Figures f = RetentionPerformance.measure(server.freshSchemaUrl());
            System.out.println("PostgreSQL: " + f);
        }
    }
}
