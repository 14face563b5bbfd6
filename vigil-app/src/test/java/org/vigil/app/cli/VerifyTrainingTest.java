package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/vigil's training of short commands: its config must verify cleanly, or every verify after a build would run
 * without its class data sharing archive (a failed training is kept in vigil-short-*.jsa.failed and not retried).
 */
class VerifyTrainingTest {

    @TempDir
    Path dir;

    @Test
    void theTrainingConfigVerifiesWithoutErrorsAndPrintsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Vigil.run(new String[] {"cds-training", "--verify", dir.resolve("t").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        // the dump's writer is part of what is trained
        assertThat(Files.exists(dir.resolve("t/objects.cache"))).isTrue();
    }
}
