package org.vigil.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario under {@code scenarios/}, run side by side on Debian's nagios4 and on {@code vigil run}: the
 * alerts, notifications, event handlers and final status.dat must be the same, object by object, except where the
 * scenario documents a deliberate difference with its reason. Fails, never skips, when nagios4 is missing.
 */
class EngineDifferentialTest {

    static Stream<Scenario> scenarios() throws IOException, URISyntaxException {
        Path root = Path.of(EngineDifferentialTest.class.getResource("/scenarios").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            List<Scenario> all = dirs.filter(d -> Files.exists(d.resolve("scenario.txt"))).sorted()
                    .map(Scenario::read).toList();
            String only = System.getProperty("scenario");
            return all.stream().filter(s -> only == null || only.isBlank() || s.name().matches(only));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void vigilBehavesAsNagios(Scenario s) throws Exception {
        EngineProcess nagios = new EngineProcess.Nagios("nagios", ScenarioRun.workDir(s.name(), "nagios"));
        EngineProcess vigil = new EngineProcess.Vigil("vigil", ScenarioRun.workDir(s.name(), "vigil"));
        List<Observation> seen = new ScenarioRun(s, nagios, vigil).play();
        Comparison c = Comparison.of(s, "nagios", seen.get(0), "vigil ", seen.get(1));
        Summary.add(c);
        assertThat(seen.get(0).size()).as("nagios observed nothing in %s", s).isPositive();
        assertThat(c.undocumented()).as("%s: %s\nundocumented differences (work dirs under target/differential)",
                s, s.description()).isEmpty();
    }

    @AfterAll
    static void summary() {
        System.out.println(Summary.line());
    }
}
