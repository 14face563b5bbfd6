package org.vigil.engine.state;

import org.vigil.checks.result.PluginExit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host rules around the soft/hard core: plugin codes, missing commands, checks of neighbours. */
class HostResultHandlerTest {

    private static final Instant T0 = Fixtures.T0;
    private static final Instant LATER = T0.plusSeconds(300);

    private static HostResultHandler handler(StateSettings settings, HostStatus... hosts) {
        return new HostResultHandler(settings, EventIds.fresh(), HostNetwork.of(List.of(hosts)));
    }

    @Test
    void aWarningHostIsUpUnlessChecksAreAggressive() {
        HostStatus gentle = Fixtures.pendingHost(1);
        handler(StateSettings.defaults(), gentle).apply(gentle, CheckOutcome.active(PluginExit.WARNING, "slow",
                T0), T0);
        assertThat(gentle.currentState()).isEqualTo(HostState.UP);

        HostStatus strict = Fixtures.pendingHost(1);
        handler(StateSettings.defaults().withAggressiveHostChecking(true), strict)
                .apply(strict, CheckOutcome.active(PluginExit.WARNING, "slow", T0), T0);
        assertThat(strict.currentState()).isEqualTo(HostState.DOWN);
    }

    @Test
    void aHostWithoutCheckCommandIsAssumedUp() {
        HostStatus host = new HostStatus(Fixtures.host("h", List.of(), Fixtures.check(null, 'o', 3, 5), ""));
        Effects fx = handler(StateSettings.defaults(), host).apply(host,
                CheckOutcome.active(PluginExit.CRITICAL, "boom", T0), T0);
        assertThat(host.currentState()).isEqualTo(HostState.UP);
        assertThat(host.pluginOutput()).isEqualTo("(Host assumed to be UP)");
        assertThat(fx.logLines()).isEmpty();
    }

    @Test
    void aHostStartingDownStartsHardAtTheLastAttempt() {
        HostStatus host = new HostStatus(Fixtures.host("h", List.of(), Fixtures.check("c", 'd', 4, 5), ""));
        assertThat(host.currentState()).isEqualTo(HostState.DOWN);
        assertThat(host.stateType()).isEqualTo(StateType.HARD);
        assertThat(host.currentAttempt()).isEqualTo(4);
        assertThat(host.displayState()).isEqualTo("PENDING");
    }

    /** Going down checks the children that are not yet UNREACHABLE; recovering, the UP parents and down children. */
    @Test
    void stateChangesCheckTheNeighbours() {
        HostStatus parent = Fixtures.upHost("p");
        HostStatus host = Fixtures.upHost("h", "p");
        HostStatus child = Fixtures.upHost("c", "h");
        HostStatus other = Fixtures.upHost("d", "h");
        other.setCurrentState(HostState.UNREACHABLE);
        HostResultHandler handler = handler(StateSettings.defaults(), parent, host, child, other);

        assertThat(handler.apply(host, CheckOutcome.active(PluginExit.CRITICAL, "down", LATER), LATER).hostChecks())
                .containsExactly("c");
        Instant later = LATER.plusSeconds(60);
        assertThat(handler.apply(host, CheckOutcome.active(PluginExit.OK, "up", later), later).hostChecks())
                .containsExactly("p", "d");
    }

    @Test
    void neighboursCheckedWithinTheCacheHorizonAreLeftAlone() {
        HostStatus host = Fixtures.upHost("h");
        HostStatus child = Fixtures.upHost("c", "h");
        child.setLastCheck(LATER.minusSeconds(5));
        Effects fx = handler(StateSettings.defaults(), host, child).apply(host,
                CheckOutcome.active(PluginExit.CRITICAL, "x", LATER), LATER);
        assertThat(fx.hostChecks()).isEmpty();
    }

    @Test
    void aHostIsDownWhenAnyParentIsUp() {
        HostStatus up = Fixtures.upHost("a");
        HostStatus down = Fixtures.upHost("b");
        down.setCurrentState(HostState.DOWN);
        HostStatus host = Fixtures.upHost("h", "a", "b");
        HostResultHandler handler = handler(StateSettings.defaults(), up, down, host);
        handler.apply(host, CheckOutcome.active(PluginExit.CRITICAL, "x", LATER), LATER);
        assertThat(host.currentState()).isEqualTo(HostState.DOWN);

        up.setCurrentState(HostState.UNREACHABLE);
        Instant later = LATER.plusSeconds(60);
        handler.apply(host, CheckOutcome.active(PluginExit.CRITICAL, "x", later), later);
        assertThat(host.currentState()).isEqualTo(HostState.UNREACHABLE);
    }

    @Test
    void passiveHostResultsAreDiscardedWhenNotAccepted() {
        HostStatus host = Fixtures.upHost("h");
        host.setPassiveChecksEnabled(false);
        Effects fx = handler(StateSettings.defaults(), host).apply(host, CheckOutcome.passive(HostState.DOWN,
                "x", T0), T0);
        assertThat(fx.accepted()).isFalse();
        assertThat(host.currentState()).isEqualTo(HostState.UP);
    }

    /** Unlike a service, a host clears its problem id on any change away from a problem, even to another one. */
    @Test
    void aChangeBetweenHostProblemsClearsTheProblemId() {
        HostStatus parent = Fixtures.upHost("p");
        HostStatus host = Fixtures.upHost("h", "p");
        HostResultHandler handler = handler(StateSettings.defaults(), parent, host);
        handler.apply(host, CheckOutcome.active(PluginExit.CRITICAL, "x", LATER), LATER);
        assertThat(host.currentProblemId()).isEqualTo(1);
        parent.setCurrentState(HostState.DOWN);
        Instant later = LATER.plusSeconds(60);
        handler.apply(host, CheckOutcome.active(PluginExit.CRITICAL, "x", later), later);
        assertThat(host.currentState()).isEqualTo(HostState.UNREACHABLE);
        assertThat(host.currentProblemId()).isZero();
        assertThat(host.lastProblemId()).isEqualTo(1);
    }
}
