package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code vigil run} reads the retention database nagios.cfg names while vigil.yml is parsed, unless vigil.yml may
 * name another database: then it waits for the parse (a wrong guess would only cost time, never the wrong state).
 */
class RetentionGuessTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        return Files.writeString(dir.resolve("vigil.yml"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"database:\n  url: jdbc:postgresql://db/vigil\n", "  database: {url: x}\n",
            "{server: {}, database: {url: x}}\n", "\"database\": {}\n", "nagios_config: n.cfg\ndatabase :\n"})
    void aYamlThatMayNameTheDatabaseIsWaitedFor(String text) throws Exception {
        assertThat(StartAhead.mayNameDatabase(yaml(text))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nagios_config: n.cfg\nserver:\n  applicationConnectors: [{ type: http, port: 0 }]\n",
            "# database: not here\nlimits: {}\n", ""})
    void aYamlWithoutDatabaseLetsTheReadStartAtOnce(String text) throws Exception {
        assertThat(StartAhead.mayNameDatabase(yaml(text))).isFalse();
    }

    @Test
    void noYamlLetsTheReadStartAtOnceAndAnUnreadableOneIsWaitedFor() {
        assertThat(StartAhead.mayNameDatabase(null)).isFalse();
        assertThat(StartAhead.mayNameDatabase(dir.resolve("missing.yml"))).isTrue();
    }

    @Test
    void aDropwizardOverrideOfTheDatabaseIsWaitedFor() throws Exception {
        System.setProperty("dw.database.url", "jdbc:postgresql://db/vigil");
        try {
            assertThat(StartAhead.mayNameDatabase(yaml("nagios_config: n.cfg\n"))).isTrue();
        } finally {
            System.clearProperty("dw.database.url");
        }
    }
}
