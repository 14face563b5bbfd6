package org.vigil.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.Options;
import org.vigil.config.model.Retention;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateType;

/** status.dat from kept blocks is, byte for byte, the file a full render writes, whatever changed in between. */
class StatusBlocksTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final StatusFile.Program PROGRAM =
            new StatusFile.Program(1, T0, true, true, true, true, true, true, true, 1, 1);

    private static CheckSettings check(String command) {
        return new CheckSettings(command, "24x7", 'o', 3, 5, 1, true, true, false, false, 0, null, true, true);
    }

    private static HostStatus host(String name) {
        return new HostStatus(new Host(name, name, name, "127.0.0.1", List.of(), List.of(), check("check_host"),
                new FlapSettings(false, 0, 0, Options.NONE),
                new NotificationSettings(List.of("admin"), List.of(), "24x7", Options.of("dur"), true, 60, 0),
                Options.NONE, Links.NONE, new Retention(true, true), 0, Map.of(), SourceLocation.NONE));
    }

    private static ServiceStatus service(String host, String description) {
        return new ServiceStatus(new Service(new ServiceKey(host, description), description, List.of(), List.of(),
                check("check_" + description), false, true, new FlapSettings(false, 0, 0, Options.NONE),
                new NotificationSettings(List.of("admin"), List.of(), "24x7", Options.of("wucr"), true, 60, 0),
                Options.NONE, Links.NONE, new Retention(true, true), 0, Map.of(), SourceLocation.NONE));
    }

    private static String full(Instant now, List<HostStatus> hosts, List<ServiceStatus> services) {
        StringBuilder sb = new StringBuilder();
        StatusFile.renderTo(sb, () -> { }, now, PROGRAM, "", hosts, services, List.of(), List.of());
        return sb.toString();
    }

    private static String kept(StatusBlocks blocks, Instant now, List<HostStatus> hosts,
                               List<ServiceStatus> services) {
        StatusBlocks.Pending pending = blocks.take(hosts, services);
        StringBuilder sb = new StringBuilder();
        StatusFile.renderTo(sb, () -> { }, now, PROGRAM, "", pending, List.of(), List.of());
        return sb.toString();
    }

    @ParameterizedTest(name = "blocks kept for the first {0} objects")
    @ValueSource(ints = {0, 3, 20_000})
    void everyWriteIsTheFullRenderAsTheStatusesChange(int keptObjects) {
        StatusBlocks blocks = new StatusBlocks(keptObjects);
        List<HostStatus> hosts = new ArrayList<>(List.of(host("a"), host("b")));
        List<ServiceStatus> services = new ArrayList<>(List.of(service("a", "x"), service("a", "y"),
                service("b", "x")));
        assertThat(kept(blocks, T0, hosts, services)).isEqualTo(full(T0, hosts, services));

        // unchanged: only last_update moves
        Instant t1 = T0.plusSeconds(1);
        assertThat(kept(blocks, t1, hosts, services)).isEqualTo(full(t1, hosts, services));

        // one service and one host change, after the copy is taken and before the file is rendered
        Instant t2 = T0.plusSeconds(2);
        ServiceStatus y = services.get(1);
        y.setCurrentState(ServiceState.CRITICAL);
        y.setStateType(StateType.SOFT);
        y.setPluginOutput("CRITICAL: d\u00e9j\u00e0 vu");
        y.setLongPluginOutput("line 1\nline 2");
        hosts.get(1).setLastCheck(t2);
        String expected = full(t2, hosts, services);
        StatusBlocks.Pending pending = blocks.take(hosts, services);
        y.setPluginOutput("changed after the copy");
        StringBuilder sb = new StringBuilder();
        StatusFile.renderTo(sb, () -> { }, t2, PROGRAM, "", pending, List.of(), List.of());
        assertThat(sb.toString()).isEqualTo(expected);

        // the next write shows that change
        Instant t3 = T0.plusSeconds(3);
        assertThat(kept(blocks, t3, hosts, services)).isEqualTo(full(t3, hosts, services));

        // a reload: new objects, one fewer, others moved
        List<HostStatus> reloadedHosts = List.of(host("b"), host("c"));
        List<ServiceStatus> reloadedServices = List.of(service("b", "x"), service("c", "z"));
        Instant t4 = T0.plusSeconds(4);
        assertThat(kept(blocks, t4, reloadedHosts, reloadedServices))
                .isEqualTo(full(t4, reloadedHosts, reloadedServices));
        reloadedServices.get(0).setPercentStateChange(12.5);
        Instant t5 = T0.plusSeconds(5);
        assertThat(kept(blocks, t5, reloadedHosts, reloadedServices))
                .isEqualTo(full(t5, reloadedHosts, reloadedServices));
    }
}
