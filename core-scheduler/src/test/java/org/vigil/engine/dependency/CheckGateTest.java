package org.vigil.engine.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.testkit.TestConfig;

/** Which checks leave the fast path, and how the gate reads its nagios.cfg options. */
class CheckGateTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private CheckGate gate(String extraMain) throws IOException {
        LoadResult config = TestConfig.loadExactly(dir, "cfg_file=objects.cfg\nuse_timezone=UTC\n"
                + "illegal_macro_output_chars=`\n" + extraMain, TestConfig.CHECK_AND_ADMIN + """
                define host {
                    name base
                    register 0
                    check_command check
                    max_check_attempts 1
                    contacts admin
                }
                define host {
                    use base
                    host_name master
                }
                define host {
                    use base
                    host_name dependent
                }
                define host {
                    use base
                    host_name free
                }
                define service {
                    host_name master,dependent,free
                    service_description svc
                    check_command check
                    max_check_attempts 1
                    contacts admin
                }
                define hostdependency {
                    host_name master
                    dependent_host_name dependent
                    execution_failure_criteria d
                }
                define servicedependency {
                    host_name master
                    service_description svc
                    dependent_host_name dependent
                    dependent_service_description svc
                    notification_failure_criteria c
                }
                """);
        List<CheckTarget> targets = List.of(new CheckTarget("h1", "master", null),
                new CheckTarget("h2", "dependent", null), new CheckTarget("h3", "free", null),
                new CheckTarget("s1", "master", new ServiceKey("master", "svc")),
                new CheckTarget("s2", "dependent", new ServiceKey("dependent", "svc")),
                new CheckTarget("s3", "free", new ServiceKey("free", "svc")));
        Map<String, HostStatus> hosts = new java.util.HashMap<>();
        config.model().hosts().values().forEach(h -> hosts.put(h.name(), new HostStatus(h)));
        Map<ServiceKey, ServiceStatus> services = new java.util.HashMap<>();
        config.model().services().values().forEach(s -> services.put(s.key(), new ServiceStatus(s)));
        return CheckGate.of(config.model(), config.mainConfig(), targets, new Dependencies.Statuses() {
            @Override
            public HostStatus host(String name) {
                return hosts.get(name);
            }

            @Override
            public ServiceStatus service(ServiceKey key) {
                return services.get(key);
            }
        }, 60, warnings::add);
    }

    private static List<String> gated(CheckGate gate) {
        return List.of("h1", "h2", "h3", "s1", "s2", "s3").stream().filter(gate::gated).toList();
    }

    @Test
    void onlyObjectsWithExecutionDependenciesLeaveTheFastPath() throws IOException {
        // a notification dependency does not stop checks, so s2 keeps the direct path
        assertThat(gated(gate(""))).containsExactly("h2");
        assertThat(warnings).isEmpty();
    }

    @Test
    void hostDownDisableServiceChecksGatesEveryService() throws IOException {
        assertThat(gated(gate("host_down_disable_service_checks=1\n"))).containsExactly("h2", "s1", "s2", "s3");
    }

    @Test
    void badOptionValuesAreReportedAndReadAsZero() throws IOException {
        // soft_state_dependencies=yes is a config error now, as in Nagios (MainValueChecks)
        CheckGate gate = gate("host_down_disable_service_checks=on\n"
                + "service_skip_check_dependency_status=3\nhost_skip_check_dependency_status=-1\n");
        assertThat(gated(gate)).containsExactly("h2");
        assertThat(warnings).containsExactly(
                "Warning: host_down_disable_service_checks=on is not valid (expected 0 or 1); using 0",
                "Warning: service_skip_check_dependency_status=3 is not supported: a check skipped for a failed"
                        + " dependency or a down host keeps its state, as with -1");
    }
}
