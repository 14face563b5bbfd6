package org.vigil.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite checks itself: one scenario (a different one each day, or {@code -Dselfcheck=NAME}) runs on two
 * nagios4 side by side and must give identical observations, with no documented difference allowed. A scenario
 * that fails here depends on timing, so its difference from Vigil would be a flake, not a finding.
 */
class NagiosTwiceTest {

    @Test
    void nagiosAgreesWithItself() throws Exception {
        List<Scenario> all = EngineDifferentialTest.scenarios().toList();
        assertThat(all).isNotEmpty();
        String chosen = System.getProperty("selfcheck");
        Scenario s = chosen == null || chosen.isBlank()
                ? all.get(LocalDate.now().getDayOfYear() % all.size())
                : all.stream().filter(x -> x.name().equals(chosen)).findFirst().orElseThrow();
        EngineProcess first = new EngineProcess.Nagios("nagios-1", ScenarioRun.workDir(s.name(), "nagios-1"));
        EngineProcess second = new EngineProcess.Nagios("nagios-2", ScenarioRun.workDir(s.name(), "nagios-2"));
        List<Observation> seen = new ScenarioRun(s, first, second).play();
        Comparison c = Comparison.of(s.withoutDifferences(), "nagios-1", seen.get(0), "nagios-2", seen.get(1));
        System.out.println("Engine differential self-check: " + s.name() + " on nagios4 twice, " + c.comparedLines()
                + " compared lines, " + c.undocumented().size() + " differences");
        assertThat(c.undocumented()).as("%s run twice on nagios4 must not differ", s).isEmpty();
    }
}
