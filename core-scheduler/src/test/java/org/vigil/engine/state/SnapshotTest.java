package org.vigil.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.engine.status.StatusFile;

/** status.dat is rendered off the engine thread from snapshots: each must show what was, whatever changes after. */
class SnapshotTest {

    private static final StatusFile.Program PROGRAM =
            new StatusFile.Program(1, Fixtures.T0, true, true, true, true, true, true, true, 1, 1);

    private static String render(HostStatus h, ServiceStatus s) {
        return StatusFile.render(Fixtures.T0, PROGRAM, List.of(h), List.of(s), List.of("admin"));
    }

    @Test
    void aSnapshotRendersAsTheStatusDidAndKeepsItsValuesWhenTheStatusChanges() {
        HostStatus h = Fixtures.upHost("h");
        h.setLastTimeIn(HostState.UP, Fixtures.T0);
        ServiceStatus s = Fixtures.service(3);
        s.setCurrentState(ServiceState.WARNING);
        s.setStateType(StateType.SOFT);
        s.setCurrentAttempt(2);
        s.setPluginOutput("WARNING: disk 91%");
        s.setLongPluginOutput("line 1\nline 2");
        s.setPerfData("disk=91%;90;95");
        s.setLastTimeIn(ServiceState.WARNING, Fixtures.T0.plusSeconds(60));
        s.setAcknowledgementType(AcknowledgementType.STICKY);
        s.setPercentStateChange(12.5);
        String before = render(h, s);

        HostStatus hostCopy = h.snapshot();
        ServiceStatus serviceCopy = s.snapshot();
        assertThat(render(hostCopy, serviceCopy)).isEqualTo(before);

        Instant later = Fixtures.T0.plusSeconds(300);
        h.setCurrentState(HostState.DOWN);
        h.setLastTimeIn(HostState.UP, later);
        h.setLastTimeIn(HostState.DOWN, later);
        s.setCurrentState(ServiceState.CRITICAL);
        s.setStateType(StateType.HARD);
        s.setCurrentAttempt(3);
        s.setPluginOutput("CRITICAL: disk 99%");
        s.setLastTimeIn(ServiceState.WARNING, later);
        s.setLastTimeIn(ServiceState.CRITICAL, later);
        s.setAcknowledgementType(AcknowledgementType.NONE);
        s.setPercentStateChange(40);

        assertThat(render(hostCopy, serviceCopy)).isEqualTo(before);
        assertThat(render(h, s)).isNotEqualTo(before);
        assertThat(hostCopy.lastTimeIn(HostState.DOWN)).isEqualTo(Instant.EPOCH);
        assertThat(serviceCopy.lastTimeIn(ServiceState.WARNING)).isEqualTo(Fixtures.T0.plusSeconds(60));
        assertThat(serviceCopy.key()).isEqualTo(s.key());
    }
}
