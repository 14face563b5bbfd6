package org.vigil.engine.state;

import org.vigil.checks.result.PluginExit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The service rules around the soft/hard core: first results, scheduling, host checks, ids, acks. */
class ServiceResultHandlerTest {

    private static final Instant T0 = Fixtures.T0;

    private final HostStatus host = Fixtures.upHost("h");
    private final ServiceResultHandler handler = new ServiceResultHandler(StateSettings.defaults(), EventIds.fresh());

    private void play(ServiceStatus svc, String table) {
        StepTable.of(table).play(svc, row -> handler.apply(svc, host, StepTable.outcome(row), StepTable.at(row)));
    }

    private static ServiceStatus service(char initialState, int maxAttempts, double checkInterval) {
        return new ServiceStatus(Fixtures.service("h", "s", Fixtures.check("c", initialState, maxAttempts,
                checkInterval), false, ""));
    }

    @Test
    void aServiceIsPendingUntilItsFirstResult() {
        ServiceStatus svc = Fixtures.service(3);
        assertThat(svc.displayState()).isEqualTo("PENDING");
        handler.apply(svc, host, CheckOutcome.active(PluginExit.OK, "OK", T0), T0);
        assertThat(svc.displayState()).isEqualTo("OK");
        assertThat(svc.hasBeenChecked()).isTrue();
    }

    /** A non-OK initial_state starts HARD at the last attempt, so the first OK is a hard recovery. */
    @Test
    void aFirstOkAfterAProblemInitialStateIsAHardRecovery() {
        ServiceStatus svc = service('c', 3, 5);
        assertThat(svc.currentAttempt()).isEqualTo(3);
        play(svc, """
            | t   | rc | state    | type | att | chg | hard | notify | handler | next | log
            | 0   | 0  | OK       | HARD | 1   | yes | yes  | yes    | yes     | 300  | SERVICE ALERT: h;s;OK;HARD;3;OK
            """);
    }

    /** ...and a first result in that same problem state changes nothing, so nothing is logged. */
    @Test
    void aFirstResultMatchingAProblemInitialStateIsNotLogged() {
        play(service('c', 3, 5), """
            | t   | rc | state    | type | att | chg | hard | notify | handler | chk | next | log
            | 0   | 2  | CRITICAL | HARD | 3   | no  | no   | yes    | no      | -   | 300  | -
            """);
    }

    /** A check_interval of 0 means no regular checks: only soft problems are rechecked. */
    @Test
    void noCheckIntervalOnlyRetriesSoftProblems() {
        play(service('o', 2, 0), """
            | t   | rc | state    | type | att | next
            | 0   | 0  | OK       | HARD | 1   | -
            | 60  | 2  | CRITICAL | SOFT | 1   | 120
            | 120 | 2  | CRITICAL | HARD | 2   | -
            """);
    }

    @Test
    void disabledActiveChecksAreNotRescheduled() {
        ServiceStatus svc = Fixtures.service(2);
        svc.setActiveChecksEnabled(false);
        play(svc, """
            | t   | rc | state    | type | att | chg | next
            | 0   | 2  | CRITICAL | SOFT | 1   | yes | -
            | 60  | 2  | CRITICAL | HARD | 2   | no  | -
            """);
        assertThat(svc.shouldBeScheduled()).isFalse();
    }

    /** A late result is rescheduled at once, never in the past. */
    @Test
    void theNextCheckIsNeverBeforeNow() {
        ServiceStatus svc = Fixtures.service(3);
        Effects fx = handler.apply(svc, host, CheckOutcome.active(PluginExit.OK, "OK", T0), T0.plusSeconds(900));
        assertThat(fx.nextCheck()).contains(T0.plusSeconds(900));
        assertThat(svc.nextCheck()).isEqualTo(T0.plusSeconds(900));
    }

    @Test
    void aProblemReusesAHostResultWithinTheCacheHorizon() {
        host.setLastCheck(T0.minusSeconds(10));
        Effects fx = handler.apply(Fixtures.service(3), host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT", T0), T0);
        assertThat(fx.hostChecks()).isEmpty();
    }

    @Test
    void anOkResultChecksAHostThatWasNeverChecked() {
        HostStatus pending = Fixtures.pendingHost(3);
        Effects fx = handler.apply(Fixtures.service(3), pending, CheckOutcome.active(PluginExit.OK, "OK", T0), T0);
        assertThat(fx.hostChecks()).containsExactly("h");
    }

    /** ...unless its own first check is due later than one check interval from now. */
    @Test
    void anOkResultLeavesAPendingHostToItsScheduleWhenThatIsFarOff() {
        HostStatus pending = Fixtures.pendingHost(3);
        pending.setNextCheck(T0.plusSeconds(600));
        Effects fx = handler.apply(Fixtures.service(3), pending, CheckOutcome.active(PluginExit.OK, "OK", T0), T0);
        assertThat(fx.hostChecks()).isEmpty();
    }

    @Test
    void aHostWithActiveChecksDisabledIsNotChecked() {
        host.setActiveChecksEnabled(false);
        Effects fx = handler.apply(Fixtures.service(3), host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT",
                T0), T0.plusSeconds(60));
        assertThat(fx.hostChecks()).isEmpty();
    }

    @Test
    void passiveResultsAreDiscardedWhenNotAccepted() {
        ServiceStatus svc = Fixtures.service(3);
        svc.setPassiveChecksEnabled(false);
        Effects fx = handler.apply(svc, host, CheckOutcome.passive(ServiceState.CRITICAL, "CRIT", T0), T0);
        assertThat(fx.accepted()).isFalse();
        assertThat(svc.hasBeenChecked()).isFalse();
        assertThat(svc.currentState()).isEqualTo(ServiceState.OK);
    }

    /** Every state change takes an event id; a problem keeps one problem id until it recovers. */
    @Test
    void stateChangesTakeEventAndProblemIds() {
        ServiceStatus svc = Fixtures.service(1);
        long[][] expected = {
            // rc, current event id, current problem id, last problem id
            {0, 0, 0, 0}, {2, 1, 1, 0}, {1, 2, 1, 0}, {0, 3, 0, 1}, {3, 4, 2, 1},
        };
        for (int i = 0; i < expected.length; i++) {
            Instant at = T0.plusSeconds(300L * i);
            handler.apply(svc, host, CheckOutcome.active(PluginExit.ofCode((int) expected[i][0]), "x", at),
                    at).settle().run();
            assertThat(new long[] {svc.currentEventId(), svc.currentProblemId(), svc.lastProblemId()})
                    .as("result %d", i).containsExactly(expected[i][1], expected[i][2], expected[i][3]);
        }
    }

    /** A normal acknowledgement ends at any state change, a sticky one only at recovery. */
    @Test
    void acknowledgementsEndAsNagiosEndsThem() {
        ServiceStatus normal = Fixtures.service(1);
        ServiceStatus sticky = Fixtures.service(1);
        for (ServiceStatus svc : new ServiceStatus[] {normal, sticky}) {
            handler.apply(svc, host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT", T0), T0);
        }
        normal.setAcknowledgementType(AcknowledgementType.NORMAL);
        sticky.setAcknowledgementType(AcknowledgementType.STICKY);
        Instant t1 = T0.plusSeconds(300);
        handler.apply(normal, host, CheckOutcome.active(PluginExit.WARNING, "WARN", t1), t1);
        handler.apply(sticky, host, CheckOutcome.active(PluginExit.WARNING, "WARN", t1), t1);
        assertThat(normal.problemHasBeenAcknowledged()).isFalse();
        assertThat(sticky.problemHasBeenAcknowledged()).isTrue();
        Instant t2 = T0.plusSeconds(600);
        handler.apply(sticky, host, CheckOutcome.active(PluginExit.OK, "OK", t2), t2);
        assertThat(sticky.problemHasBeenAcknowledged()).isFalse();
    }

    /** The handler and notifier see the state Nagios logged, not the state it ends in. */
    @Test
    void theAlertIsTheStateAsLogged() {
        ServiceStatus svc = Fixtures.service(3);
        handler.apply(svc, host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT", T0), T0);
        Effects fx = handler.apply(svc, host, CheckOutcome.active(PluginExit.OK, "OK", T0.plusSeconds(60)),
                T0.plusSeconds(60));
        assertThat(fx.alert()).isEqualTo(new Effects.Alert(ServiceState.OK, StateType.SOFT, 2));
        fx.settle().run();
        assertThat(svc.stateType()).isEqualTo(StateType.HARD);
        assertThat(svc.currentAttempt()).isEqualTo(1);
        assertThat(svc.lastHardState()).isEqualTo(ServiceState.OK);
    }

    /**
     * The notification and the event handler of a hard recovery still see the problem's attempt and problem id;
     * they are reset once both have run (4.4.6 notifies with {@code $SERVICEATTEMPT$} 3, then resets it).
     */
    @Test
    void aHardRecoveryKeepsTheProblemsAttemptUntilSettled() {
        ServiceStatus svc = Fixtures.service(3);
        for (int i = 0; i < 3; i++) {
            handler.apply(svc, host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT", T0.plusSeconds(i)),
                    T0.plusSeconds(i)).settle().run();
        }
        long problem = svc.currentProblemId();
        Effects fx = handler.apply(svc, host, CheckOutcome.active(PluginExit.OK, "OK", T0.plusSeconds(60)),
                T0.plusSeconds(60));
        assertThat(fx.alert()).isEqualTo(new Effects.Alert(ServiceState.OK, StateType.HARD, 3));
        assertThat(new long[] {svc.currentAttempt(), svc.currentProblemId()}).containsExactly(3, problem);
        fx.settle().run();
        assertThat(new long[] {svc.currentAttempt(), svc.currentProblemId(), svc.lastProblemId()})
                .containsExactly(1, 0, problem);
        assertThat(svc.lastHardStateChange()).isEqualTo(T0.plusSeconds(60));
    }

    /** The hard recovery asks to reset the notification number once it has been notified. */
    @Test
    void aHardRecoveryResetsTheNotificationNumberAfterwards() {
        ServiceStatus svc = Fixtures.service(1);
        handler.apply(svc, host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT", T0), T0);
        svc.setCurrentNotificationNumber(2);
        Effects fx = handler.apply(svc, host, CheckOutcome.active(PluginExit.OK, "OK", T0.plusSeconds(60)),
                T0.plusSeconds(60));
        assertThat(fx.resetNotificationNumber()).isTrue();
        assertThat(svc.currentNotificationNumber()).isEqualTo(2);
    }

    @Test
    void outputIsCleanedAsNagiosCleansIt() {
        ServiceStatus svc = Fixtures.service(3);
        handler.apply(svc, host, new CheckOutcome(new Verdict.Plugin(PluginExit.OK), "a;b ", "line2", "t=1s",
                T0, T0.plusMillis(1500),
                CheckType.ACTIVE, 0.25), T0);
        assertThat(svc.pluginOutput()).isEqualTo("a:b");
        assertThat(svc.longPluginOutput()).isEqualTo("line2");
        assertThat(svc.perfData()).isEqualTo("t=1s");
        assertThat(svc.executionTime()).isEqualTo(1.5);
        assertThat(svc.latency()).isEqualTo(0.25);
        handler.apply(svc, host, CheckOutcome.active(PluginExit.OK, "", T0), T0);
        assertThat(svc.pluginOutput()).isEqualTo("(No output returned from plugin)");
    }

    /** last_time_ok and friends record when the previous state was last seen: at this check. */
    @Test
    void lastTimeInRecordsThePreviousState() {
        ServiceStatus svc = Fixtures.service(3);
        handler.apply(svc, host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT", T0), T0);
        assertThat(svc.lastTimeIn(ServiceState.OK)).isEqualTo(T0);
        assertThat(svc.lastTimeIn(ServiceState.CRITICAL)).isEqualTo(Instant.EPOCH);
        handler.apply(svc, host, CheckOutcome.active(PluginExit.CRITICAL, "CRIT", T0.plusSeconds(60)),
                T0.plusSeconds(60));
        assertThat(svc.lastTimeIn(ServiceState.CRITICAL)).isEqualTo(T0.plusSeconds(60));
    }

    /** Without host checks, a service problem on a host that is not UP asks to re-notify about the host. */
    @Test
    void withoutHostChecksAProblemOnADownHostRenotifiesTheHost() {
        ServiceResultHandler noHostChecks = new ServiceResultHandler(new StateSettings(60, false, false, true, false,
                true, true, false, false, false, false, 15), EventIds.fresh());
        HostStatus pending = Fixtures.pendingHost(3);
        pending.setCurrentState(HostState.DOWN);
        Effects fx = noHostChecks.apply(Fixtures.service(3), pending, CheckOutcome.active(PluginExit.CRITICAL,
                "CRIT", T0), T0);
        assertThat(fx.hostNotificationDue()).isTrue();
        assertThat(fx.notificationDue()).isFalse();
        // Nagios fakes a host check, so the host no longer shows as never checked
        assertThat(pending.hasBeenChecked()).isTrue();
        assertThat(pending.lastCheck()).isEqualTo(T0);
    }
}
