package org.vigil.config.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.dump.ObjectCacheWriter;

/**
 * Which of several definitions of a service Nagios keeps, and the service groups around them: Vigil
 * against nagios4 on configs full of duplicates ({@link DuplicateServiceConfigs}). A failing seed's
 * config and both dumps are kept under {@code target/differential/duplicates-SEED/}.
 */
class DuplicateServicesDifferentialTest {

    /** 100 seeds; {@code -Dduplicates.seeds=N} runs more. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("duplicates.seeds", 100));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void vigilKeepsTheServicesNagiosKeeps(long seed, @TempDir Path scratch) throws Exception {
        Path kept = Corpus.MODULE.resolve("target/differential/duplicates-" + seed);
        new DuplicateServiceConfigs(seed).writeTo(kept);
        NagiosRunner.Run nagios = NagiosRunner.run(new ConfigUnderTest.CaseDirectory("duplicates-" + seed, kept),
                scratch);
        assertThat(nagios.precache()).as("%s", nagios).isPresent();

        LoadResult vigil = ConfigLoader.load(nagios.nagiosCfg());
        assertThat(vigil.diagnostics().hasErrors()).as("%s: %s", kept, vigil.diagnostics().all()).isFalse();
        StringBuilder dump = new StringBuilder();
        ObjectCacheWriter.write(vigil.model(), dump);
        java.nio.file.Files.writeString(kept.resolve("nagios.precache"), nagios.precache().orElseThrow());
        java.nio.file.Files.writeString(kept.resolve("vigil.precache"), dump);
        List<ObjectCacheDiff.Difference> differences = new ObjectCacheDiff("nagios", "vigil")
                .compare(ObjectCache.parse(nagios.precache().orElseThrow()), ObjectCache.parse(dump.toString()));
        assertThat(differences).as("differences for %s:%n%s", kept, ObjectCacheDiff.report(differences)).isEmpty();
    }
}
