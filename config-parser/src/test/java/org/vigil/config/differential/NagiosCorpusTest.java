package org.vigil.config.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.differential.ConfigUnderTest.CaseDirectory;

/**
 * Checks the corpus against the real Nagios ({@code nagios4 -vp}): valid configs are accepted and
 * give a readable precache, invalid ones are rejected with the messages recorded in
 * {@code expected-nagios.txt}. This keeps the corpus honest; {@link DifferentialTest} then compares
 * Vigil with Nagios on it. Fails, never skips, when nagios4 is not installed.
 */
class NagiosCorpusTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.vigil.config.differential.Corpus#valid")
    void nagiosAcceptsValidConfig(ConfigUnderTest config, @TempDir Path scratch) throws Exception {
        NagiosRunner.Run nagios = NagiosRunner.run(config, scratch);

        assertThat(nagios.exitCode()).as("%s", nagios).isZero();
        assertThat(nagios.output()).contains("Total Errors:   0");
        assertThat(nagios.precache()).as("precache of %s", config).isPresent();
        assertThat(ObjectCache.parse(nagios.precache().orElseThrow()).objects()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.vigil.config.differential.Corpus#invalid")
    void nagiosRejectsInvalidConfig(CaseDirectory config, @TempDir Path scratch) throws Exception {
        List<String> expected = Files.readAllLines(config.expectedNagios()).stream().filter(l -> !l.isBlank()).toList();
        NagiosRunner.Run nagios = NagiosRunner.run(config, scratch);

        assertThat(nagios.exitCode()).as("%s", nagios).isNotZero();
        assertThat(expected).as("expected-nagios.txt of %s", config).isNotEmpty();
        for (String line : expected) {
            assertThat(nagios.output()).as("%s", nagios).contains(line);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.vigil.config.differential.GeneratedConfigs#seeds")
    void nagiosAcceptsGeneratedConfig(long seed, @TempDir Path scratch) throws Exception {
        Path dir = scratch.resolve("source");
        new ConfigGenerator(seed).writeTo(dir);
        NagiosRunner.Run nagios = NagiosRunner.run(new CaseDirectory("generated-" + seed, dir), scratch);

        assertThat(nagios.exitCode()).as("%s", nagios).isZero();
    }

    @Test
    void sampleConfigHasNoWarnings(@TempDir Path scratch) throws Exception {
        NagiosRunner.Run nagios = NagiosRunner.run(Corpus.sample(), scratch);

        assertThat(nagios.output()).as("%s", nagios).contains("Total Warnings: 0", "Total Errors:   0");
    }

    @Test
    void missingNagiosFailsWithTheInstallHint() {
        assertThatThrownBy(() -> NagiosRunner.requireNagios(Path.of("/nonexistent/nagios4")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install nagios4-core");
    }

    @Test
    void corpusCoversEnoughCases() {
        assertThat(Corpus.cases().stream().filter(c -> !c.invalid())).hasSizeGreaterThanOrEqualTo(15);
        assertThat(Corpus.invalid()).hasSizeGreaterThanOrEqualTo(5);
    }
}
