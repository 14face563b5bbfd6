package org.vigil.config.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vigil against nagios4 on generated configs ({@link ConfigGenerator}), one per seed. Both must
 * give the same verdict, and when both accept, the same objects. A failing seed's config is kept
 * under {@code target/differential/generated-SEED/}.
 */
class GeneratedDifferentialTest {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.vigil.config.differential.GeneratedConfigs#seeds")
    void vigilAgreesWithNagios(long seed, @TempDir Path scratch) throws Exception {
        Path kept = Corpus.MODULE.resolve("target/differential/generated-" + seed);
        new ConfigGenerator(seed).writeTo(kept);
        var config = new ConfigUnderTest.CaseDirectory("generated-" + seed, kept);
        NagiosRunner.Run nagios = NagiosRunner.run(config, scratch);
        VigilRunner.Run vigil = VigilRunner.run(nagios.nagiosCfg());

        boolean nagiosAccepts = nagios.exitCode() == 0;
        assertThat(!vigil.hasErrors()).as("verdicts for %s differ:%n%s%n%s", kept, nagios, vigil).isEqualTo(nagiosAccepts);
        if (nagiosAccepts) {
            List<ObjectCacheDiff.Difference> differences = new ObjectCacheDiff("nagios", "vigil").compare(
                    ObjectCache.parse(nagios.precache().orElseThrow()), ObjectCache.parse(vigil.dump().orElseThrow()));
            keepDumps(kept, nagios, vigil);
            assertThat(differences).as("differences for %s:%n%s", kept, ObjectCacheDiff.report(differences)).isEmpty();
        }
    }

    private static void keepDumps(Path dir, NagiosRunner.Run nagios, VigilRunner.Run vigil) throws IOException {
        java.nio.file.Files.writeString(dir.resolve("nagios.precache"), nagios.precache().orElseThrow());
        java.nio.file.Files.writeString(dir.resolve("vigil.precache"), vigil.dump().orElseThrow());
    }
}
