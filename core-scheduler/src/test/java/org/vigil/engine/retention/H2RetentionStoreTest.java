package org.vigil.engine.retention;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on embedded H2, the default back end: always runs. */
class H2RetentionStoreTest extends RetentionStoreContract {

    @TempDir
    Path dir;

    @Override
    protected String freshDatabaseUrl() {
        return RetentionSettings.embedded(dir.resolve("retention.dat")).jdbcUrl();
    }
}
