package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures 100,000 records on each back end and prints the figures; about 40 s, so it runs only when
 * asked: {@code mvn -pl core-scheduler -am test -Dtest=RetentionPerformanceTest -Dvigil.perf=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. The bounds are loose: they catch a flush gone quadratic, not noise.
 */
@EnabledIfSystemProperty(named = "vigil.perf", matches = "true")
class RetentionPerformanceTest {

    @TempDir
    Path dir;

    @Test
    void h2_flushes_and_loads_100000_records_in_seconds() {
        RetentionPerformance.Figures f = RetentionPerformance.measure(
                RetentionSettings.embedded(dir.resolve("retention.dat")).jdbcUrl());
        System.out.println("H2: " + f);
        assertThat(f.updateMillis()).isLessThan(30_000);
        assertThat(f.loadMillis()).isLessThan(30_000);
    }

    @Test
    void postgresql_flushes_and_loads_100000_records_in_seconds() throws Exception {
        try (PostgresTestServer server = PostgresTestServer.start()) {
            RetentionPerformance.Figures f = RetentionPerformance.measure(server.freshSchemaUrl());
            System.out.println("PostgreSQL: " + f);
            assertThat(f.updateMillis()).isLessThan(30_000);
            assertThat(f.loadMillis()).isLessThan(30_000);
        }
    }
}
