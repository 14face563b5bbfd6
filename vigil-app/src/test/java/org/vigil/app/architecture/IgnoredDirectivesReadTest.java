package org.vigil.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.config.main.IgnoredDirectives;

/**
 * The warning "'X' is ignored by Vigil" must go when a module starts to act on X: no directive of the
 * {@link IgnoredDirectives} table appears as a string in the main sources of any module, apart from the places
 * that only name it (the macros that merely hand its value to plugins, status.dat's key names, the main config's
 * own lists). A module that reads one fails this test until its row is removed.
 */
class IgnoredDirectivesReadTest {

    /**
     * Files that name directives without acting on them; WorkerConfKeys lists the keys of mod_gearman's worker.conf,
     * another file, some of which share a name with nagios.cfg's (p1_file, enable_embedded_perl).
     */
    private static final Set<String> ONLY_NAMING = Set.of("MainDirectives.java", "MainValueChecks.java",
            "IgnoredDirectives.java", "ConfigMacros.java", "StatusFile.java", "WorkerConfKeys.java");

    @Test
    void noModuleReadsADirectiveThatIsWarnedAboutAsIgnored() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).exists();
        List<String> read = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !ONLY_NAMING.contains(f.getFileName().toString()))
                    .forEach(f -> {
                        String text = text(f);
                        for (String name : IgnoredDirectives.names()) {
                            if (text.contains("\"" + name + "\"")) {
                                read.add(name + " in " + root.relativize(f));
                            }
                        }
                    });
        }
        assertThat(read).as("directives read by a module but warned about as ignored: remove their rows from"
                + " IgnoredDirectives, with the other rows of the same feature (some, like the perfdata files, are read"
                + " through names built at run time), and from IgnoredDirectivesTest's list for Debian's nagios.cfg")
                .isEmpty();
    }

    private static String text(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
