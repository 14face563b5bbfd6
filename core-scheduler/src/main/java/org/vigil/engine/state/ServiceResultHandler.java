package org.vigil.engine.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Judges one service check result as Nagios 4.4's {@code handle_async_service_check_result} does:
 * updates the {@link ServiceStatus} (and the few host fields Nagios touches) and returns the
 * {@link Effects} for the engine to carry out. Call it on the engine thread only.
 */
public final class ServiceResultHandler {

    private static final String NO_OUTPUT = "(No output returned from plugin)";

    private StateSettings settings;
    private final EventIds ids;

    public ServiceResultHandler(StateSettings settings, EventIds ids) {
        this.settings = settings;
        this.ids = ids;
    }

    /** Applies {@code outcome} to {@code svc}, whose host is {@code host}, at time {@code now}. */
    public Effects apply(ServiceStatus svc, HostStatus host, CheckOutcome outcome, Instant now) {
        if (outcome.checkType() == CheckType.PASSIVE
                && !(settings.acceptPassiveServiceChecks() && svc.passiveChecksEnabled())) {
            return Effects.discarded();
        }
        ResultPass<ServiceState> pass = new ResultPass<>(now.truncatedTo(ChronoUnit.SECONDS), svc.lastHardState());
        takeResult(svc, host, outcome, pass);
        routeThroughHost(svc, host, pass);
        if (!host.currentState().isOk() && pass.newLastHardState != svc.currentState()) {
            // the docs: a service problem while its host is down or unreachable is hard at once
            pass.hardStateChange = true;
            svc.setStateType(StateType.HARD);
            pass.newLastHardState = svc.currentState();
            svc.setCurrentAttempt(svc.maxAttempts());
        }
        judge(svc, pass);
        countAttempt(svc, pass);
        if (svc.currentAttempt() >= svc.maxAttempts() && (svc.currentState() != pass.newLastHardState
                || (svc.stateType() == StateType.SOFT && !svc.currentState().isOk()))) {
            pass.nextCheck = pass.now.plusSeconds(settings.seconds(svc.checkInterval()));
            pass.hardStateChange = true;
            pass.notify = true;
        }
        recordChange(svc, pass);
        if (!svc.currentState().isOk() && svc.stateType() == StateType.SOFT) {
            pass.logEvent = true;
        }
        svc.setLastTimeIn(svc.lastState(), svc.lastCheck());
        schedule(svc, pass);
        return finish(svc, pass);
    }

    private void takeResult(ServiceStatus svc, HostStatus host, CheckOutcome outcome, ResultPass<ServiceState> pass) {
        svc.setCheckType(outcome.checkType());
        if (outcome.checkType() == CheckType.PASSIVE && settings.logPassiveChecks()) {
            pass.logLines.add(StateLog.passiveServiceCheck(svc));
        }
        // done before the result is taken in, so a first result leaves these at its predecessor's zero
        if (svc.lastStateChange().equals(Instant.EPOCH)) {
            svc.setLastStateChange(svc.lastCheck());
        }
        if (svc.lastHardStateChange().equals(Instant.EPOCH)) {
            svc.setLastHardStateChange(svc.lastCheck());
        }
        if (host.lastStateChange().equals(Instant.EPOCH)) {
            host.setLastStateChange(svc.lastCheck());
        }
        if (host.lastHardStateChange().equals(Instant.EPOCH)) {
            host.setLastHardStateChange(svc.lastCheck());
        }
        pass.oldOutput = svc.pluginOutput();
        svc.recordResult(outcome, NO_OUTPUT);
        svc.setLastState(svc.currentState());
        svc.setCurrentState(outcome.serviceState());
        pass.nextCheck = svc.lastCheck().plusSeconds(settings.seconds(svc.checkInterval()));
    }

    /** Nagios 4's route check: a service result may call for a host check, or reuse the cached host state. */
    private void routeThroughHost(ServiceStatus svc, HostStatus host, ResultPass<ServiceState> pass) {
        Instant now = pass.now;
        boolean checkHost = false;
        if (svc.currentState().isOk()) {
            if (!host.hasBeenChecked()) {
                checkHost = host.nextCheck().equals(Instant.EPOCH) || !host.initialState().isOk()
                        || host.nextCheck().isBefore(now.plusSeconds(settings.seconds(host.checkInterval())));
            } else if (!host.currentState().isOk()) {
                boolean cached = svc.lastState().isOk() && secondsSince(host.lastCheck(), now)
                        < settings.cachedHostCheckHorizon();
                checkHost = !cached;
                pass.cachedHostState = cached;
                svc.setHostProblemAtLastCheck(true);
            }
        } else if (host.currentState().isOk()) {
            checkHost = settings.executeHostChecks() && svc.lastState() != svc.currentState()
                    && host.lastCheck().plusSeconds(settings.cachedHostCheckHorizon()).isBefore(now);
            pass.cachedHostState = !checkHost;
            if (svc.hostProblemAtLastCheck() && svc.stateType() == StateType.SOFT) {
                svc.setCurrentAttempt(1); // give the service a fresh chance now that its host is back
            }
            svc.setHostProblemAtLastCheck(false);
        } else {
            if (!settings.executeHostChecks() || svc.currentState() == svc.lastState()) {
                if (!host.hasBeenChecked()) {
                    host.setHasBeenChecked(true);
                    host.setLastCheck(svc.lastCheck());
                }
                pass.hostNotification = true;
            }
            svc.setHostProblemAtLastCheck(true);
        }
        if (checkHost && HostChecks.due(host, now, settings)) {
            pass.hostChecks.add(host.name());
        }
    }

    private void judge(ServiceStatus svc, ResultPass<ServiceState> pass) {
        Transition t = Transition.of(svc.lastState().isOk(), svc.currentState().isOk(), svc.stateType());
        // the service bends two rows: a host problem keeps a new problem hard and silences a hard one
        boolean hostProblem = svc.hostProblemAtLastCheck();
        StateType typeBefore = svc.stateType();
        int attemptBefore = svc.currentAttempt();
        t.applyTo(svc, pass);
        if (t == Transition.HARD_RECOVERY) {
            // observed with nagios4 4.4.6: a service's hard recovery is logged at the problem's attempt
            // (SERVICE ALERT: h;s;OK;HARD;3;...); the attempt goes back to 1 after the alert is taken
            svc.setCurrentAttempt(attemptBefore);
        }
        if (t == Transition.NEW_PROBLEM && (hostProblem || pass.hardStateChange)) {
            svc.setStateType(typeBefore);
        }
        if (t == Transition.HARD_PROBLEM && hostProblem) {
            pass.notify = false;
        }
        // unlike a host, a service in any soft state (a soft recovery too) is rechecked at the retry interval
        if (t.useRetryInterval || svc.stateType() == StateType.SOFT) {
            pass.nextCheck = pass.now.plusSeconds(settings.seconds(svc.retryInterval()));
        }
        pass.stateChange = svc.currentState() != svc.lastState()
                || (svc.currentState().isOk() && svc.stateType() == StateType.SOFT);
    }

    private static void countAttempt(ServiceStatus svc, ResultPass<ServiceState> pass) {
        if (svc.stateType() != StateType.SOFT) {
            return;
        }
        int attempt = svc.currentAttempt();
        if (!svc.lastState().isOk() && attempt < svc.maxAttempts()) {
            svc.setCurrentAttempt(attempt + 1); // this is also why a soft recovery is logged at attempt 2
        } else if (pass.stateChange && !svc.currentState().isOk()) {
            svc.setCurrentAttempt(1);
        } else if (attempt < svc.maxAttempts()) {
            svc.setCurrentAttempt(attempt + 1);
        }
    }

    /** Nagios's {@code service_state_or_hard_state_type_change}. */
    private void recordChange(ServiceStatus svc, ResultPass<ServiceState> pass) {
        if (pass.stateChange) {
            svc.setLastStateChange(svc.lastCheck());
            svc.setLastEventId(svc.currentEventId());
            svc.setCurrentEventId(ids.takeEventId());
            if (svc.lastState().isOk()) {
                svc.setCurrentProblemId(ids.takeProblemId());
            }
            svc.setStateType(StateType.SOFT);
        }
        if (pass.hardStateChange) {
            svc.setLastHardStateChange(svc.lastCheck());
            svc.setLastStateChange(svc.lastCheck());
            pass.newLastHardState = svc.currentState();
            svc.setStateType(StateType.HARD);
        }
        if (pass.stateChange || pass.hardStateChange) {
            svc.resetNotificationTimes();
            svc.resetAcknowledgement(pass.stateChange, pass.hardStateChange);
            svc.setShouldBeScheduled(true);
            pass.logEvent = true;
            pass.handleEvent = true;
        }
    }

    private void schedule(ServiceStatus svc, ResultPass<ServiceState> pass) {
        if (!svc.activeChecksEnabled()) {
            svc.setShouldBeScheduled(false);
        } else if (svc.checkInterval() == 0
                && (svc.stateType() == StateType.HARD || svc.currentState().isOk())) {
            svc.setShouldBeScheduled(false);
        } else if (svc.shouldBeScheduled()) {
            Instant at = pass.now.isAfter(pass.nextCheck) ? pass.now : pass.nextCheck;
            svc.setNextCheck(at);
            pass.schedule(at);
        }
    }

    private Effects finish(ServiceStatus svc, ResultPass<ServiceState> pass) {
        boolean ok = svc.currentState().isOk();
        if (!ok && svc.stateType() == StateType.HARD && svc.isVolatile()) {
            pass.notify = true;
            pass.logEvent = true;
            pass.handleEvent = true;
        }
        boolean resetNotifications = ok && svc.stateType() == StateType.HARD && pass.hardStateChange;
        if (svc.stalksCurrentState() && !Objects.equals(pass.oldOutput, svc.pluginOutput())) {
            pass.logEvent = true;
        }
        if (pass.logEvent && (svc.stateType() == StateType.HARD || settings.logServiceRetries())) {
            pass.logLines.add(StateLog.serviceAlert(svc));
        }
        pass.freezeAlert(svc);
        svc.setHasBeenChecked(true);
        svc.setLastHardState(pass.newLastHardState);
        if (ok && pass.stateChange) {
            // an OK state is HARD once logged (a soft recovery ends at once), but only after the notification and
            // the event handler, which see the problem's attempt, problem id and last hard change (checks.c 4.4.6)
            boolean hard = pass.hardStateChange;
            pass.settle = () -> {
                svc.setLastProblemId(svc.currentProblemId());
                svc.setCurrentProblemId(0);
                if (hard) {
                    svc.setHostProblemAtLastCheck(false);
                }
                svc.setLastHardStateChange(svc.lastCheck());
                svc.setCurrentAttempt(1);
                svc.setStateType(StateType.HARD);
                svc.setLastHardState(ServiceState.OK);
            };
        }
        return pass.effects(resetNotifications);
    }

    private static long secondsSince(Instant then, Instant now) {
        return now.getEpochSecond() - then.getEpochSecond();
    }

    /** The program-wide switches changed at run time (accepting passive results, executing host checks). */
    public void setSettings(StateSettings changed) {
        this.settings = changed;
    }
}
