package org.vigil.engine.dependency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.timeperiod.TimeperiodSchedule;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.StateType;

/**
 * Whether a due active check may run, as Nagios 4.4's {@code check_service_check_viability} and
 * {@code check_host_check_viability} decide it after the check period: not while an execution dependency
 * fails (unless the check is forced), and, with {@code host_down_disable_service_checks=1}, no service check
 * while its host is not UP (forced or not). A check that may not run is not logged (Nagios writes only to
 * its debug log) and is tried again one interval later.
 *
 * <p>Threading: {@link #gated} reads only immutable data and is called on the check clock's thread for every
 * due check; objects it names are handed to the engine thread, where {@link #deferral} reads the statuses.
 * Objects it does not name keep the direct path from the clock to the check pool.
 */
public final class CheckGate {

    /** nagios.cfg directives of 4.4.6 that set a state on skipped checks; Vigil keeps the state (-1). */
    private static final List<String> SKIP_STATUS_DIRECTIVES = List.of("service_skip_check_dependency_status",
            "host_skip_check_dependency_status", "service_skip_check_host_down_status");

    private final Dependencies dependencies;
    private final Dependencies.Statuses statuses;
    private final Set<String> gated;
    private final boolean hostDownDisablesServiceChecks;
    private final int intervalLength;

    private CheckGate(Dependencies dependencies, Dependencies.Statuses statuses, Set<String> gated,
                      boolean hostDownDisablesServiceChecks, int intervalLength) {
        this.dependencies = dependencies;
        this.statuses = statuses;
        this.gated = Set.copyOf(gated);
        this.hostDownDisablesServiceChecks = hostDownDisablesServiceChecks;
        this.intervalLength = intervalLength;
    }

    /**
     * The gate for {@code model}'s dependencies and {@code main}'s options over {@code targets}.
     * {@code warnings} receives one line per nagios.cfg option Vigil reads but does not carry out.
     */
    public static CheckGate of(ObjectModel model, MainConfig main, Collection<CheckTarget> targets,
                               Dependencies.Statuses statuses, int intervalLength,
                               java.util.function.Consumer<String> warnings) {
        DependencyGraph graph = DependencyGraph.of(model);
        boolean anyPeriod = model.hostDependencies().stream().anyMatch(d -> d.period() != null)
                || model.serviceDependencies().stream().anyMatch(d -> d.period() != null);
        TimeperiodSchedule periods = anyPeriod ? model.compileTimeperiods(main.zone(), new Diagnostics()) : null;
        Dependencies dependencies = new Dependencies(graph, statuses, periods,
                switchOption(main, "soft_state_dependencies", warnings));
        boolean hostDown = switchOption(main, "host_down_disable_service_checks", warnings);
        Set<String> gated = new HashSet<>();
        for (CheckTarget t : targets) {
            boolean dependent = t.isHost() ? graph.hostsWithExecutionDependencies().contains(t.hostName())
                    : graph.servicesWithExecutionDependencies().contains(t.service());
            if (dependent || (hostDown && !t.isHost())) {
                gated.add(t.id());
            }
        }
        for (String name : SKIP_STATUS_DIRECTIVES) {
            main.value(name).map(String::strip).filter(v -> !v.equals("-1")).ifPresent(v -> warnings.accept(
                    "Warning: " + name + "=" + v + " is not supported: a check skipped for a failed dependency"
                            + " or a down host keeps its state, as with -1"));
        }
        return new CheckGate(dependencies, statuses, gated, hostDown, intervalLength);
    }

    /** A 0/1 option of nagios.cfg; anything else is reported and read as 0, Nagios's default for both. */
    private static boolean switchOption(MainConfig main, String name, java.util.function.Consumer<String> warnings) {
        Optional<String> value = main.value(name).map(String::strip);
        if (value.isEmpty() || value.get().equals("0")) {
            return false;
        }
        if (value.get().equals("1")) {
            return true;
        }
        warnings.accept("Warning: " + name + "=" + value.get() + " is not valid (expected 0 or 1); using 0");
        return false;
    }

    /** The dependency queries the notifier and other parts use. */
    public Dependencies dependencies() {
        return dependencies;
    }

    /** Whether the due check {@code checkId} must be judged on the engine thread; any thread. */
    public boolean gated(String checkId) {
        return gated.contains(checkId);
    }

    /**
     * Empty if the due check of {@code target} may run at {@code now}; else when to try again, before the check
     * period is applied (Nagios's {@code preferred_time}): one retry interval while the object is in a soft
     * problem state, one check interval otherwise (5 minutes without one). Engine thread.
     */
    public Optional<Instant> deferral(CheckTarget target, boolean forcedCheck, Instant now) {
        Instant t = now.truncatedTo(ChronoUnit.SECONDS);
        boolean dependencyFailed = !forcedCheck && dependencies.executionBlocked(target, t);
        boolean hostDown = hostDownDisablesServiceChecks && !target.isHost()
                && !statuses.host(target.hostName()).currentState().isOk();
        if (!dependencyFailed && !hostDown) {
            return Optional.empty();
        }
        CheckableStatus<?> st = target.isHost() ? statuses.host(target.hostName())
                : statuses.service(target.service());
        boolean softProblem = st.stateType() == StateType.SOFT && !st.currentState().isOk();
        Instant preferred = dependencyFailed
                ? t.plusSeconds(seconds(softProblem ? st.retryInterval() : st.checkInterval())) : t;
        if (!preferred.isAfter(t)) {
            preferred = t.plusSeconds(st.checkInterval() <= 0 ? 300 : seconds(st.checkInterval()));
        }
        return Optional.of(preferred);
    }

    private long seconds(double units) {
        return (long) (units * intervalLength);
    }
}
