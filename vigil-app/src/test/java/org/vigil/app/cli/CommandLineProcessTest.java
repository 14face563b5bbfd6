package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it, in a JVM of its own: the exit code, and what goes to stdout and what to
 * stderr, for help, a mistyped option, a mistyped command and the completion script.
 */
class CommandLineProcessTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run vigil(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpGoesToStdoutAndExitsZero() throws Exception {
        Run r = vigil("verify", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("usage: vigil verify").contains("--dump-objects");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMistypedOptionIsOneLineWithASuggestionOnStderrAndExitsTwo() throws Exception {
        Run r = vigil("verify", "--dump-object", "nagios.cfg");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().findFirst().orElse("")).contains("--dump-object").contains("did you mean")
                .contains("--dump-objects");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMistypedCommandIsSuggestedAndExitsTwo() throws Exception {
        Run r = vigil("verfy", "nagios.cfg");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("verify").doesNotContain("\tat ");
    }

    @Test
    void theCompletionScriptGoesToStdout() throws Exception {
        Run r = vigil("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("verify").contains("timeperiod");
    }
}
