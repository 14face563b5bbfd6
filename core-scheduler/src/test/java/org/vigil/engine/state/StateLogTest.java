package org.vigil.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.config.main.MainConfig;

/** Initial state lines and the settings that steer logging. */
class StateLogTest {

    @Test
    void initialStatesAreLoggedOnlyWhenAskedFor() {
        HostStatus host = Fixtures.pendingHost(3);
        ServiceStatus svc = Fixtures.service(3);
        StateSettings on = settings(Map.of("log_initial_states", "1"));
        assertThat(StateLog.initialStates(on, List.of(host), List.of(svc))).containsExactly(
                "INITIAL HOST STATE: h;UP;HARD;1;",
                // Nagios prints a never-set service output through printf's NULL handling
                "INITIAL SERVICE STATE: h;s;OK;HARD;1;(null)");
        assertThat(StateLog.initialStates(StateSettings.defaults(), List.of(host), List.of(svc))).isEmpty();
    }

    @Test
    void currentStatesShowTheLatestResult() {
        HostStatus host = Fixtures.upHost("h");
        assertThat(StateLog.currentStates(List.of(host), List.of()))
                .containsExactly("CURRENT HOST STATE: h;UP;HARD;1;PING OK");
    }

    @Test
    void settingsComeFromNagiosCfgWithNagiosDefaults() {
        StateSettings s = settings(Map.of("log_service_retries", "1", "interval_length", "30",
                "passive_host_checks_are_soft", "1", "cached_host_check_horizon", "x"));
        assertThat(s.logServiceRetries()).isTrue();
        assertThat(s.logHostRetries()).isFalse();
        assertThat(s.intervalLength()).isEqualTo(30);
        assertThat(s.passiveHostChecksAreSoft()).isTrue();
        assertThat(s.cachedHostCheckHorizon()).isEqualTo(15);
        assertThat(s.logPassiveChecks()).isTrue();
    }

    @Test
    void statesCarryNagiosCodes() {
        assertThat(ServiceState.ofCode(3)).isEqualTo(ServiceState.UNKNOWN);
        assertThat(ServiceState.CRITICAL.code()).isEqualTo(2);
        assertThat(HostState.UNREACHABLE.code()).isEqualTo(2);
        assertThat(HostState.ofLetter('d')).isEqualTo(HostState.DOWN);
        assertThat(StateType.HARD.code()).isEqualTo(1);
    }

    private static StateSettings settings(Map<String, String> directives) {
        Map<String, List<String>> d = new java.util.HashMap<>();
        directives.forEach((k, v) -> d.put(k, List.of(v)));
        return StateSettings.from(new MainConfig(Path.of("nagios.cfg"), d, List.of(), Map.of()));
    }
}
