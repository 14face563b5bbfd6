package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** verify's lines read without picocli: the same fields as picocli sets, and every other line left to picocli. */
class VerifyArgumentsTest {

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @ParameterizedTest
    @ValueSource(strings = {
        "verify nagios.cfg",
        "verify @odd.cfg",
        "verify --explain-checks nagios.cfg",
        "verify nagios.cfg --explain-checks --dump-objects out.cache",
        "verify --dump-objects=out.cache --web-config vigil.yml nagios.cfg",
        "verify --web-config=a.yml --web-config=b.yml --dump-objects x --dump-objects y nagios.cfg"})
    void aPlainLineGivesWhatPicocliGives(String line) {
        String[] args = line.split(" ");
        VerifyCommand fast = VerifyArguments.read(args, NOWHERE, NOWHERE).orElseThrow();
        VerifyCommand picocli = new VerifyCommand(NOWHERE, NOWHERE);
        CommandLine cmd = new CommandLine(picocli).setExpandAtFiles(false).setOverwrittenOptionsAllowed(true);
        cmd.parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
        assertThat(fast.config).isEqualTo(picocli.config);
        assertThat(fast.dump).isEqualTo(picocli.dump);
        assertThat(fast.webConfig).isEqualTo(picocli.webConfig);
        assertThat(fast.explainChecks).isEqualTo(picocli.explainChecks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "verify --help", "verify -h nagios.cfg", "verify nagios.cfg other.cfg",
        "verify --dump-object x nagios.cfg", "verify --dump-objects", "verify nagios.cfg --dump-objects",
        "verify --dump-objects --explain-checks nagios.cfg", "verify -- nagios.cfg", "verify --explain-checks",
        "verify --dump-objects= nagios.cfg", "run nagios.cfg", "timeperiod nagios.cfg 24x7"})
    void anythingElseIsLeftToPicocli(String line) {
        assertThat(VerifyArguments.read(line.split(" "), NOWHERE, NOWHERE)).isEqualTo(Optional.empty());
    }
}
