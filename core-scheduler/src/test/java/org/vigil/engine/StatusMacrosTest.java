package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.testkit.TestConfig;

/** Runtime macros read from the statuses, as 4.4.6's macros.c reads them. */
class StatusMacrosTest {

    @TempDir
    Path dir;

    @Test
    void aNeverCheckedObjectShowsItsInitialStateNotPending() throws Exception {
        // macros.c: $HOSTSTATE$ is host_state_name(current_state), whatever has_been_checked says; PENDING is only
        // a CGI word (observed with nagios4: DOWNTIMESTART of a never checked host shows UP, scenario
        // downtime-fixed-host)
        LoadResult config = TestConfig.load(dir, "", TestConfig.WEB1);
        Map<String, HostStatus> hosts = new HashMap<>();
        Map<ServiceKey, ServiceStatus> services = new HashMap<>();
        config.model().hosts().values().forEach(h -> hosts.put(h.name(), new HostStatus(h)));
        config.model().services().values().forEach(s -> services.put(s.key(), new ServiceStatus(s)));
        StatusMacros macros = new StatusMacros(hosts, services, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertThat(macros.host("web1", "HOSTSTATE")).isEqualTo("UP");
        assertThat(macros.service(new ServiceKey("web1", "http"), "SERVICESTATE")).isEqualTo("OK");
    }
}
