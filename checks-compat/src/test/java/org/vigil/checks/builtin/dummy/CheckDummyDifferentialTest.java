package org.vigil.checks.builtin.dummy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * The built-in check_dummy against Debian's {@code /usr/lib/nagios/plugins/check_dummy}: for each argument list,
 * the same exit code and the same output, byte for byte. Fails when the real plugin is missing.
 */
class CheckDummyDifferentialTest {

    private static final Path REAL = Path.of("/usr/lib/nagios/plugins/check_dummy");

    static List<List<String>> argumentLists() {
        return List.of(
                List.of("0"), List.of("1"), List.of("2"), List.of("3"),
                List.of("0", "all is well"), List.of("1", "disk 91% full"), List.of("2", ""), List.of("3", "a|b=1;2;3"),
                List.of("1", "two", "extra", "words"), List.of("0", "-v"), List.of("2", "line one\nline two"),
                List.of("4"), List.of("-1", "text"), List.of("255"), List.of("2147483647"), List.of("-2147483648"),
                List.of("2147483648"), List.of("99999999999999999999"),
                List.of(), List.of("x"), List.of("0x"), List.of("+1"), List.of("1.0"), List.of("-v", "1"),
                List.of("00"), List.of(" 1"), List.of("1 2"), List.of("1-"), List.of("-"), List.of(""), List.of("--1"),
                List.of(" "), List.of("- 2"));
    }

    @ParameterizedTest
    @MethodSource("argumentLists")
    void theBuiltInAnswersAsThePluginDoes(List<String> args) throws Exception {
        Real real = runReal(args);
        BuiltinCheck.Prepared prepared = new CheckDummy().prepare(args);
        assertThat(prepared).isInstanceOf(BuiltinCheck.Ready.class);
        PluginResult builtIn = ((BuiltinCheck.Ready) prepared).run().run(Duration.ofSeconds(10));
        assertThat(builtIn.exitCode()).as("exit code of %s", args).isEqualTo(real.exitCode);
        assertThat(builtIn.stdout()).as("output of %s", args).isEqualTo(real.stdout);
        assertThat(builtIn.stderr()).isEqualTo(real.stderr);
    }

    @Test
    void helpAndVersionAreLeftToThePlugin() {
        for (String option : List.of("-h", "--help", "-V", "--version")) {
            assertThat(new CheckDummy().prepare(List.of(option, "0"))).isInstanceOf(BuiltinCheck.Declined.class);
        }
    }

    private record Real(int exitCode, String stdout, String stderr) {
    }

    private static Real runReal(List<String> args) throws IOException, InterruptedException {
        assertThat(REAL).as("Debian's check_dummy (monitoring-plugins-basic) must be installed").isExecutable();
        List<String> argv = new ArrayList<>(List.of(REAL.toString()));
        argv.addAll(args);
        Path out = Files.createTempFile("check_dummy", ".out");
        Path err = Files.createTempFile("check_dummy", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return new Real(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
