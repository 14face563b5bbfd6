package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without PostgreSQL installed, the PostgreSQL tests fail and say which package CI must install. */
class PostgresTestServerTest {

    @TempDir
    Path dir;

    @Test
    void finds_no_binaries_where_there_are_none_and_names_the_package_to_install() throws Exception {
        assertThat(PostgresTestServer.findBinaries(dir.toString(), dir.resolve("postgresql"))).isEmpty();
        assertThat(PostgresTestServer.MISSING).contains("apt-get install -y postgresql").contains("VIGIL_TEST_PG_URL");
    }

    @Test
    void finds_the_newest_debian_version() throws Exception {
        for (String version : new String[] {"9.6", "15", "13"}) {
            Path bin = Files.createDirectories(dir.resolve("postgresql").resolve(version).resolve("bin"));
            for (String tool : new String[] {"initdb", "pg_ctl"}) {
                Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
                assertThat(bin.resolve(tool).toFile().setExecutable(true)).isTrue();
            }
        }

        assertThat(PostgresTestServer.findBinaries("", dir.resolve("postgresql")))
                .contains(dir.resolve("postgresql/15/bin").toRealPath());
    }
}
