package org.vigil.engine.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Judges one host check result as Nagios 4.4's {@code handle_async_host_check_result} does, including
 * {@code determine_host_reachability} (DOWN or UNREACHABLE by the parents' states). Updates the
 * {@link HostStatus} and returns the {@link Effects}. Call it on the engine thread only.
 */
public final class HostResultHandler {

    private static final String NO_OUTPUT = "(No output returned from host check)";
    private static final String ASSUMED_UP = "(Host assumed to be UP)";

    private StateSettings settings;
    private final EventIds ids;
    private final HostNetwork network;

    public HostResultHandler(StateSettings settings, EventIds ids, HostNetwork network) {
        this.settings = settings;
        this.ids = ids;
        this.network = network;
    }

    /** Applies {@code outcome} to {@code host} at time {@code now}. */
    public Effects apply(HostStatus host, CheckOutcome outcome, Instant now) {
        boolean passive = outcome.checkType() == CheckType.PASSIVE;
        if (passive && !(settings.acceptPassiveHostChecks() && host.passiveChecksEnabled())) {
            return Effects.discarded();
        }
        ResultPass<HostState> pass = new ResultPass<>(now.truncatedTo(ChronoUnit.SECONDS), host.lastHardState());
        takeResult(host, outcome, pass);
        judge(host, pass);
        if (!host.currentState().isOk() && (!passive || settings.translatePassiveHostChecks())) {
            host.setCurrentState(reachability(host));
            if (host.stateType() == StateType.SOFT) {
                pass.nextCheck = pass.now.plusSeconds(settings.seconds(host.retryInterval()));
            }
        }
        pass.stateChange = host.currentState() != host.lastState()
                || (host.currentState().isOk() && host.stateType() == StateType.SOFT);
        countAttempt(host, pass);
        if (host.currentAttempt() >= host.maxAttempts() && host.currentState() != pass.newLastHardState) {
            pass.nextCheck = pass.now.plusSeconds(settings.seconds(host.checkInterval()));
            pass.hardStateChange = true;
            pass.notify = true;
        }
        recordChange(host, passive, pass);
        host.setLastTimeIn(host.lastState(), host.lastCheck());
        schedule(host, pass);
        return finish(host, pass);
    }

    private void takeResult(HostStatus host, CheckOutcome outcome, ResultPass<HostState> pass) {
        host.setCheckType(outcome.checkType());
        if (outcome.checkType() == CheckType.PASSIVE && settings.logPassiveChecks()) {
            pass.logLines.add(StateLog.passiveHostCheck(host));
        }
        // done before the result is taken in, so a first result leaves these at its predecessor's zero
        if (host.lastStateChange().equals(Instant.EPOCH)) {
            host.setLastStateChange(host.lastCheck());
        }
        if (host.lastHardStateChange().equals(Instant.EPOCH)) {
            host.setLastHardStateChange(host.lastCheck());
        }
        pass.oldOutput = host.pluginOutput();
        host.recordResult(outcome, NO_OUTPUT);
        host.setLastState(host.currentState());
        host.setCurrentState(stateOf(host, outcome));
        pass.nextCheck = host.lastCheck().plusSeconds(settings.seconds(host.checkInterval()));
    }

    /**
     * Nagios's {@code get_host_check_return_code}: a passive result is a host state, an active one a plugin's exit,
     * turned into a host state here and only here.
     */
    private HostState stateOf(HostStatus host, CheckOutcome outcome) {
        if (outcome.verdict() instanceof Verdict.Host passive) {
            return passive.state();
        }
        if (!(outcome.verdict() instanceof Verdict.Plugin plugin)) {
            throw new IllegalStateException("a service result applied to host " + host.name() + ": "
                    + outcome.verdict());
        }
        if (!host.hasCheckCommand()) {
            host.setPluginOutput(ASSUMED_UP);
            return HostState.UP;
        }
        return switch (plugin.exit()) {
            case OK -> HostState.UP;
            // a WARNING host is UP unless use_aggressive_host_checking is set
            case WARNING -> settings.useAggressiveHostChecking() ? HostState.DOWN : HostState.UP;
            default -> HostState.DOWN;
        };
    }

    private void judge(HostStatus host, ResultPass<HostState> pass) {
        Transition t = Transition.of(host.lastState().isOk(), host.currentState().isOk(), host.stateType());
        t.applyTo(host, pass);
        if (t.useRetryInterval) {
            pass.nextCheck = pass.now.plusSeconds(settings.seconds(host.retryInterval()));
        }
        if (t == Transition.NEW_PROBLEM) {
            // as 4.4 codes it (its comments say the opposite): parents that are not UP, children not UNREACHABLE
            propagate(network.parents(host).stream().filter(p -> !p.currentState().isOk()).toList(), pass);
            propagate(network.children(host).stream()
                    .filter(c -> c.currentState() != HostState.UNREACHABLE).toList(), pass);
        } else if (t == Transition.HARD_RECOVERY || t == Transition.SOFT_RECOVERY) {
            propagate(network.parents(host).stream().filter(p -> p.currentState().isOk()).toList(), pass);
            propagate(network.children(host).stream().filter(c -> !c.currentState().isOk()).toList(), pass);
        }
    }

    private void propagate(List<HostStatus> hosts, ResultPass<HostState> pass) {
        for (HostStatus h : hosts) {
            if (HostChecks.due(h, pass.now, settings)) {
                pass.hostChecks.add(h.name());
            }
        }
    }

    /** Nagios's {@code determine_host_reachability}: DOWN if any parent is UP (or there are none). */
    private HostState reachability(HostStatus host) {
        if (host.checkType() == CheckType.PASSIVE && host.currentState() == HostState.UNREACHABLE) {
            return HostState.UNREACHABLE;
        }
        List<HostStatus> parents = network.parents(host);
        if (parents.isEmpty() || parents.stream().anyMatch(p -> p.currentState().isOk())) {
            return HostState.DOWN;
        }
        return HostState.UNREACHABLE;
    }

    private static void countAttempt(HostStatus host, ResultPass<HostState> pass) {
        if (host.stateType() != StateType.SOFT) {
            return;
        }
        int attempt = host.currentAttempt();
        if (!host.lastState().isOk() && !host.currentState().isOk() && attempt < host.maxAttempts()) {
            host.setCurrentAttempt(attempt + 1);
        } else if (pass.stateChange || host.currentState().isOk()) {
            host.setCurrentAttempt(1); // unlike a service, a host's soft recovery stays at attempt 1
        } else if (attempt < host.maxAttempts()) {
            host.setCurrentAttempt(attempt + 1);
        }
    }

    /** Nagios's {@code host_state_or_hard_state_type_change}. */
    private void recordChange(HostStatus host, boolean passive, ResultPass<HostState> pass) {
        if (passive && !settings.passiveHostChecksAreSoft()) {
            if (pass.stateChange) {
                host.setCurrentAttempt(1);
                pass.hardStateChange = true;
            }
            host.setStateType(StateType.HARD);
        }
        if (pass.stateChange) {
            host.setLastStateChange(host.lastCheck());
            host.setLastEventId(host.currentEventId());
            host.setCurrentEventId(ids.takeEventId());
            if (host.lastState().isOk()) {
                host.setCurrentProblemId(ids.takeProblemId());
            } else {
                host.setLastProblemId(host.currentProblemId());
                host.setCurrentProblemId(0);
            }
            host.setStateType(StateType.SOFT);
        }
        if (pass.hardStateChange) {
            host.setLastHardStateChange(host.lastCheck());
            pass.newLastHardState = host.currentState();
            host.setStateType(StateType.HARD);
            pass.notify = true;
        }
        if (pass.stateChange || pass.hardStateChange) {
            host.resetNotificationTimes();
            host.resetAcknowledgement(pass.stateChange, pass.hardStateChange);
            host.setShouldBeScheduled(true);
            pass.logEvent = true;
            pass.handleEvent = true;
        }
    }

    private void schedule(HostStatus host, ResultPass<HostState> pass) {
        if (!host.activeChecksEnabled()) {
            host.setShouldBeScheduled(false);
        } else if (host.checkInterval() == 0
                && (host.stateType() == StateType.HARD || host.currentState().isOk())) {
            host.setShouldBeScheduled(false);
        } else if (host.shouldBeScheduled()) {
            Instant at = pass.now.isAfter(pass.nextCheck) ? pass.now : pass.nextCheck;
            host.setNextCheck(at);
            pass.schedule(at);
        }
    }

    private Effects finish(HostStatus host, ResultPass<HostState> pass) {
        boolean resetNotifications = host.currentState().isOk() && host.stateType() == StateType.HARD
                && pass.hardStateChange;
        if (host.stalksCurrentState() && !Objects.equals(pass.oldOutput, host.pluginOutput())) {
            pass.logEvent = true;
        }
        if (host.stateType() == StateType.SOFT && settings.logHostRetries()) {
            pass.logEvent = true;
        }
        // log_host_event has no soft filter of its own: a soft state change is logged without log_host_retries
        if (pass.logEvent) {
            pass.logLines.add(StateLog.hostAlert(host));
        }
        pass.freezeAlert(host);
        host.setHasBeenChecked(true);
        host.setLastHardState(pass.newLastHardState);
        return pass.effects(resetNotifications);
    }

    /** The program-wide switches changed at run time (accepting passive results, executing host checks). */
    public void setSettings(StateSettings changed) {
        this.settings = changed;
    }
}
