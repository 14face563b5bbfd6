package org.vigil.engine;

import java.time.Instant;
import java.util.List;
import org.vigil.engine.dependency.CheckGate;
import org.vigil.engine.flap.FlapDetection;
import org.vigil.engine.flap.FlapEvent;
import org.vigil.engine.feed.Feeds;
import org.vigil.engine.handler.EventHandlers;
import org.vigil.engine.stats.StatKind;
import org.vigil.engine.state.AcknowledgementType;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Checkables;
import org.vigil.engine.state.Effects;
import org.vigil.engine.state.EventIds;
import org.vigil.engine.state.HostNetwork;
import org.vigil.engine.state.HostResultHandler;
import org.vigil.engine.state.ServiceResultHandler;
import org.vigil.engine.state.StateSettings;

/**
 * A result applied, active or passive: the state machine ({@code engine.state}) decides what changed, then this
 * runs its effects in the order Nagios 4.4.6's {@code checks.c} does: flapping, downtimes a problem starts, the
 * acknowledgement, the next check, on-demand host checks, the listener (notifications), the alert, the event
 * handler, OCSP/OCHP and performance data, retention. Engine thread only.
 */
final class Results {

    /** The parts a result reaches beyond the object: its schedule, flapping and handlers. */
    record Reach(CheckSchedule schedule, CheckGate gate, CheckRuns runs, FlapDetection flapping,
                 FlapNotices notices, EventHandlers handlers, Feeds feeds) {
    }

    private final EngineParts parts;
    private final ProgramSwitches switches;
    private final EngineEntries entries;
    private final Reach reach;
    private final ServiceResultHandler serviceHandler;
    private final HostResultHandler hostHandler;

    Results(EngineParts parts, ProgramSwitches switches, EventIds ids, EngineEntries entries, Reach reach) {
        this.parts = parts;
        this.switches = switches;
        this.entries = entries;
        this.reach = reach;
        this.serviceHandler = new ServiceResultHandler(switches.settings(), ids);
        this.hostHandler = new HostResultHandler(switches.settings(), ids, HostNetwork.of(parts.objects().hosts()));
    }

    /** The switches changed: the handlers judge passive results and host routes by them. */
    void settingsChanged(StateSettings settings) {
        serviceHandler.setSettings(settings);
        hostHandler.setSettings(settings);
    }

    /**
     * Applies a submitted (passive) result as a plugin's result is applied. False, and nothing changes, when
     * passive results are not accepted for the object (its {@code passive_checks_enabled} or the global switch).
     */
    boolean submit(CheckTarget target, CheckOutcome outcome) {
        StateSettings settings = switches.settings();
        boolean global = target.isHost() ? settings.acceptPassiveHostChecks() : settings.acceptPassiveServiceChecks();
        if (outcome.checkType() == CheckType.PASSIVE
                && !(global && parts.objects().status(target).passiveChecksEnabled())) {
            return false;
        }
        if (outcome.checkType() == CheckType.PASSIVE) {
            parts.stats().count(target.isHost() ? StatKind.PASSIVE_HOST : StatKind.PASSIVE_SERVICE);
        }
        apply(target, outcome);
        return true;
    }

    /** Applies a result (active or passive) to its object. */
    void apply(CheckTarget t, CheckOutcome outcome) {
        Checkables objects = parts.objects();
        Instant now = parts.clock().instant();
        CheckableStatus<?> st = objects.status(t);
        AcknowledgementType ackBefore = st.acknowledgementType();
        Effects effects = t.isHost() ? hostHandler.apply(objects.host(t.hostName()), outcome, now)
                : serviceHandler.apply(objects.service(t.service()), objects.host(t.hostName()), outcome, now);
        if (!effects.accepted()) {
            return;
        }
        CheckTarget host = objects.hostTarget(t.hostName()).orElseThrow();
        List<FlapEvent> flaps = t.isHost() ? reach.flapping().afterHostResult(t, st, now)
                : reach.flapping().afterServiceResult(t, st, host, objects.host(t.hostName()), now);
        // as checks.c 4.4.6 orders them: PASSIVE ... CHECK, flapping, the notification, the ALERT, the event handler
        List<String> lines = effects.logLines();
        int passive = 0; // a loop, not a stream: once per result
        while (passive < lines.size() && lines.get(passive).startsWith("PASSIVE ")) {
            passive++;
        }
        lines.subList(0, passive).forEach(parts.log()::log);
        boolean problemChange = (effects.stateChange() || effects.hardStateChange()) && !st.currentState().isOk();
        if (problemChange && !t.isHost()) {
            // 4.4.6's check_pending_flex_service_downtime starts the downtime at once, inside the state change:
            // STARTED and DOWNTIMESTART come before the alert, and the problem is judged in downtime
            entries.downtimes().problemSeen(t, now);
        }
        reach.notices().flapped(flaps);
        if (!t.isHost()) {
            // a service result records its host's state in the host's flap history too
            parts.retained().statusChanged(host);
        }
        entries.acknowledgements().afterResult(t, ackBefore, st);
        effects.nextCheck().ifPresent(at -> reach.schedule().schedule(t, at));
        if (effects.cachedHostState()) {
            parts.stats().count(StatKind.ACTIVE_ONDEMAND_HOST);
            parts.stats().count(StatKind.CACHED_HOST);
        }
        onDemandHostChecks(effects, now);
        parts.listener().resultApplied(t, st, effects);
        obsess(t, st);
        lines.subList(passive, lines.size()).forEach(parts.log()::log);
        if (effects.eventHandlerDue()) {
            handleEvent(t, st, effects.alert());
        }
        effects.settle().run();
        perfdata(t, st);
        parts.retained().statusChanged(t); // after the listener: the notifier's counts and times are in the status
        if (problemChange && t.isHost()) {
            // after the alert and its notification: 4.4.6's check_pending_flex_host_downtime (unlike the service
            // one) starts the downtime through an event queued for now
            entries.downtimes().problemSeen(t, now);
        }
    }

    /** The host checks a result asks for (parents, a route), unless host checks are off or gated now. */
    private void onDemandHostChecks(Effects effects, Instant now) {
        for (String name : effects.hostChecks()) {
            parts.objects().hostTarget(name).ifPresent(ht -> {
                if (switches.executeHostChecks()
                        && !(reach.gate().gated(ht.id()) && reach.gate().deferral(ht, false, now).isPresent())) {
                    reach.runs().start(ht.id(), now);
                }
            });
        }
    }

    /**
     * OCSP/OCHP as 4.4.6's {@code handle_async_*_check_result}: right after the notification, before the state
     * settles, if {@code obsess_over_*} and the object's {@code obsess} allow.
     */
    private void obsess(CheckTarget t, CheckableStatus<?> st) {
        if (!st.obsess()) {
            return;
        }
        if (t.isHost() && switches.obsessOverHosts()) {
            reach.feeds().obsessHost(t.hostName());
        } else if (!t.isHost() && switches.obsessOverServices()) {
            reach.feeds().obsessService(t.service());
        }
    }

    /**
     * Performance data as 4.4.6's {@code update_*_performance_data}, last, on the settled state (a soft recovery is
     * OK HARD 1), if {@code process_performance_data} and the object's {@code process_perf_data} allow.
     */
    private void perfdata(CheckTarget t, CheckableStatus<?> st) {
        if (!switches.performanceData() || !st.processPerformanceData()) {
            return;
        }
        if (t.isHost()) {
            reach.feeds().hostPerfdata(t.hostName(), parts.model().hosts().get(t.hostName()).check().checkCommand(),
                    st.perfData());
        } else {
            reach.feeds().servicePerfdata(t.service(), parts.model().services().get(t.service()).check()
                    .checkCommand(), st.perfData());
        }
    }

    /** Nagios's {@code handle_service_event}/{@code handle_host_event}: the handlers, if switched on. */
    private void handleEvent(CheckTarget t, CheckableStatus<?> st, Effects.Alert alert) {
        if (!switches.eventHandlersEnabled() || !st.eventHandlerEnabled()) {
            return;
        }
        if (t.isHost()) {
            reach.handlers().hostEvent(t.hostName(),
                    parts.model().hosts().get(t.hostName()).check().eventHandler(), alert);
        } else {
            reach.handlers().serviceEvent(t.service(),
                    parts.model().services().get(t.service()).check().eventHandler(), alert);
        }
    }
}
