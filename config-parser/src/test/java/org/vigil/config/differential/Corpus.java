package org.vigil.config.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.vigil.config.differential.ConfigUnderTest.CaseDirectory;
import org.vigil.config.differential.ConfigUnderTest.DebianSample;

/** The configs of the differential test: the corpus cases, the repository's sample, and Debian's. */
final class Corpus {

    /** Module directory; surefire sets {@code basedir}, an IDE usually runs from the module too. */
    static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    static final Path CASES = MODULE.resolve("src/test/resources/configs");
    static final Path SAMPLE = MODULE.resolve("../sample-configs").normalize();

    private Corpus() {
    }

    static List<CaseDirectory> cases() {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(d -> Files.exists(d.resolve("nagios.cfg")))
                    .sorted()
                    .map(d -> new CaseDirectory(d.getFileName().toString(), d))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configs Nagios accepts: corpus cases without expected errors, the sample, Debian's config. */
    static Stream<ConfigUnderTest> valid() {
        return Stream.concat(
                cases().stream().filter(c -> !c.invalid()),
                Stream.of(sample(), new DebianSample(false), new DebianSample(true)));
    }

    static Stream<CaseDirectory> invalid() {
        return cases().stream().filter(CaseDirectory::invalid);
    }

    static CaseDirectory sample() {
        return new CaseDirectory("sample-configs", SAMPLE);
    }
}
