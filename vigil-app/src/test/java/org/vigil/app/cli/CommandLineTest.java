package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line itself (picocli): generated help, usage errors with suggestions, the completion script. */
class CommandLineTest {

    private static final String[] COMMANDS = {"run", "hash-password", "reload", "sweep", "verify", "timeperiod",
        "import-nagios-state", "export-nagios-state", "completion", "help"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Vigil.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run           | usage: vigil run [-h] [--no-web] [--watch] [--web-config=vigil.yml] [NAGIOS_CFG] | --watch",
        "hash-password | usage: vigil hash-password [-h]                                                  | stdin",
        "reload        | usage: vigil reload [-h] NAGIOS_CFG                                              | SIGHUP",
        "sweep         | usage: vigil sweep [-h] [--json] [--host=NAME]...                                | --state",
        "verify        | usage: vigil verify [-h] [--explain-checks] [--dump-objects=FILE]               | nagios -v",
        "timeperiod    | usage: vigil timeperiod [-h] [--json] [--at=TIME] NAGIOS_CFG PERIOD              | --at=TIME",
        "import-nagios-state | usage: vigil import-nagios-state [-h] [--dry-run] [--web-config=vigil.yml] | status.dat",
        "export-nagios-state | usage: vigil export-nagios-state [-h] [--web-config=vigil.yml] FILE | Nagios 4",
        "completion    | usage: vigil completion [-h]                                                     | source"})
    void everyCommandHasGeneratedHelpOnStdout(String command, String synopsis, String mentions) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out()).startsWith(synopsis).contains(mentions, "-h, --help");
        assertThat(err()).isEmpty();
        out.reset();
        assertThat(run("help", command)).isZero();
        assertThat(out()).startsWith(synopsis);
    }

    @Test
    void vigilHelpListsTheCommandsButNotTheTraining() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: vigil [-h] [COMMAND]").contains(COMMANDS).doesNotContain("cds-training");
        assertThat(run("-h")).isZero();
        assertThat(run("help")).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void vigilAloneShowsTheCommandsOnStderrAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("usage: vigil [-h] [COMMAND]").contains(COMMANDS);
    }

    @Test
    void aMistypedOptionIsOneLineWithASuggestionAndExitsTwo() {
        assertThat(run("verify", "--dump-object", "objects.dump", "nagios.cfg")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("vigil verify: unknown option '--dump-object' (did you mean '--dump-objects'?)\n"
                + "usage: vigil verify [-h] [--explain-checks] [--dump-objects=FILE]\n"
                + "                    [--web-config=FILE] NAGIOS_CFG\n");
    }

    @Test
    void aMistypedCommandSuggestsTheNearOne() {
        assertThat(run("veirfy", "nagios.cfg")).isEqualTo(2);
        assertThat(err()).startsWith("vigil: unknown command 'veirfy' (did you mean 'verify'?)\n")
                .contains("commands:").doesNotContain("Exception");
    }

    @Test
    void missingArgumentsAndValuesAreNamed() {
        assertThat(run("timeperiod", "nagios.cfg")).isEqualTo(2);
        assertThat(err()).startsWith("vigil timeperiod: missing PERIOD\n");
        err.reset();
        assertThat(run("sweep", "nagios.cfg", "--host")).isEqualTo(2);
        assertThat(err()).startsWith("vigil sweep: --host needs a value\nusage: vigil sweep");
        err.reset();
        assertThat(run("reload", "a.cfg", "b.cfg")).isEqualTo(2);
        assertThat(err()).startsWith("vigil reload: unexpected argument 'b.cfg'\n");
        err.reset();
        // vigil run needs a config from somewhere: the line it always printed
        assertThat(run("run")).isEqualTo(2);
        assertThat(err()).isEqualTo("usage: vigil run [--watch] [--web-config vigil.yml] [--no-web] [NAGIOS_CFG]"
                + " (NAGIOS_CFG, or nagios_config in vigil.yml)\n");
    }

    @Test
    void theCompletionScriptCompletesEveryCommandAndOption() {
        assertThat(run("completion")).isZero();
        assertThat(out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_vigil")
                .contains(COMMANDS).contains("--dump-objects", "--web-config", "--servicegroup")
                .doesNotContain("cds-training");
        assertThat(err()).isEmpty();
    }

    @Test
    void theShippedCompletionScriptIsTheGeneratedOne() throws IOException {
        Path shipped = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("../bin/vigil-completion.bash").normalize();
        assertThat(run("completion")).isZero();
        assertThat(Files.readString(shipped)).as("%s is out of date; update it with:%n  java -jar"
                + " vigil-app/target/vigil.jar completion > bin/vigil-completion.bash", shipped).isEqualTo(out());
    }
}
