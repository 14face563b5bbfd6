package org.vigil.config.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.differential.ConfigUnderTest.CaseDirectory;

/**
 * Vigil against the real Nagios on the whole corpus.
 *
 * <p>Where both accept a config, the objects Vigil resolves must equal, attribute for attribute,
 * the ones {@code nagios4 -vp} writes to its precache ({@link ObjectCacheDiff}, {@link
 * AttributeRules}). Where Nagios rejects it, Vigil's errors must be the lines of
 * {@code expected-errors.txt}. A verdict that differs from Nagios's on purpose is data too: a case
 * Nagios accepts may hold {@code expected-errors.txt} (Vigil is stricter), a case Nagios rejects may
 * instead hold {@code expected-warnings.txt} (Vigil is more lenient); each such case has a row in
 * docs/compatibility.md.
 *
 * <p>Both dumps and Vigil's errors are kept under {@code target/differential/CASE/}.
 */
class DifferentialTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.vigil.config.differential.Corpus#valid")
    void vigilResolvesValidConfigLikeNagios(ConfigUnderTest config, @TempDir Path scratch) throws Exception {
        NagiosRunner.Run nagios = NagiosRunner.run(config, scratch);
        assertThat(nagios.precache()).as("%s", nagios).isPresent();
        VigilRunner.Run vigil = VigilRunner.run(nagios.nagiosCfg());

        if (config instanceof CaseDirectory c && Files.exists(c.expectedErrors())) {
            assertExpectedErrors(c, vigil);
            return;
        }
        assertThat(vigil.hasErrors()).as("%s: %s", config, vigil).isFalse();
        if (config instanceof CaseDirectory c) {
            assertExpectedWarnings(c, vigil);
        }
        Path kept = keep(config, "nagios.precache", nagios.precache().orElseThrow());
        keep(config, "vigil.precache", vigil.dump().orElseThrow());
        ObjectCache vigilCache = parse(vigil.dump().orElseThrow(), "Vigil's dump " + kept.resolveSibling("vigil.precache"));
        List<ObjectCacheDiff.Difference> differences = new ObjectCacheDiff("nagios", "vigil")
                .compare(ObjectCache.parse(nagios.precache().orElseThrow()), vigilCache);
        assertThat(differences).as("differences between nagios4 and Vigil for %s:%n%s",
                config, ObjectCacheDiff.report(differences)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.vigil.config.differential.Corpus#invalid")
    void vigilRejectsInvalidConfigWithExpectedErrors(CaseDirectory config, @TempDir Path scratch) throws Exception {
        VigilRunner.Run vigil = VigilRunner.run(config.copyInto(scratch));

        if (!Files.exists(config.expectedErrors()) && Files.exists(config.expectedWarnings())) {
            assertThat(vigil.hasErrors()).as("%s: %s", config, vigil).isFalse();
            assertExpectedWarnings(config, vigil);
            return;
        }
        assertThat(vigil.hasErrors()).as("%s: %s", config, vigil).isTrue();
        assertExpectedErrors(config, vigil);
    }

    private static void assertExpectedErrors(CaseDirectory config, VigilRunner.Run vigil) throws IOException {
        List<String> errors = vigil.diagnostics().stream().filter(l -> l.contains(": error: ")).toList();
        Path actual = keep(config, "actual-errors.txt", errors.stream().map(l -> l + "\n").collect(Collectors.joining()));
        List<String> expected = Files.exists(config.expectedErrors()) ? Files.readAllLines(config.expectedErrors()) : List.of();
        assertThat(errors).as("Vigil's errors for %s; if the new ones are right:%n    cp %s %s",
                config, actual, config.expectedErrors()).containsExactlyElementsOf(expected);
    }

    private static void assertExpectedWarnings(CaseDirectory config, VigilRunner.Run vigil) throws IOException {
        if (Files.exists(config.expectedWarnings())) {
            assertThat(vigil.diagnostics()).as("Vigil's warnings for %s", config)
                    .containsAll(Files.readAllLines(config.expectedWarnings()));
        }
    }

    /** Keeps a result under {@code target/differential/CASE/} for a look after the run. */
    private static Path keep(ConfigUnderTest config, String file, String text) throws IOException {
        Path path = Corpus.MODULE.resolve("target/differential").resolve(config.name()).resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return path;
    }

    private static ObjectCache parse(String text, String what) {
        try {
            return ObjectCache.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(what + " is not in the precache layout: " + e.getMessage(), e);
        }
    }
}
