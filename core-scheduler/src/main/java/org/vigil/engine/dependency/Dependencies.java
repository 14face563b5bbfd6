package org.vigil.engine.dependency;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.ServiceKey;
import org.vigil.config.timeperiod.CompiledTimeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.NagiosState;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateType;

/**
 * Nagios 4.4's {@code check_service_dependencies} and {@code check_host_dependencies}: whether the dependencies
 * of an object fail, judged on the masters' runtime status. Pure queries that change nothing; they read
 * statuses, so call them on the engine thread only.
 *
 * <p>As in Nagios: a master in a SOFT state counts with its last hard state unless
 * {@code soft_state_dependencies=1}; {@code inherits_parent} also walks the master's own dependencies of the same
 * kind; the {@code p} (pending) criterion never matches, because Nagios tests the master's state number, and
 * a master that was never checked counts with its initial state (OK/UP unless {@code initial_state} says
 * otherwise). Deliberately different: a dependency outside its {@code dependency_period} is skipped alone,
 * where Nagios stops evaluating the object's remaining dependencies (see docs/compatibility.md).
 */
public final class Dependencies {

    /** Where the masters' runtime status comes from (the engine's maps). */
    public interface Statuses {
        HostStatus host(String name);

        ServiceStatus service(ServiceKey key);
    }

    private final DependencyGraph graph;
    private final Statuses statuses;
    private final TimeperiodSchedule periods;
    private final boolean softStateDependencies;

    /**
     * @param periods the compiled timeperiods, for {@code dependency_period}; null if no dependency has one
     * @param softStateDependencies nagios.cfg's {@code soft_state_dependencies}
     */
    public Dependencies(DependencyGraph graph, Statuses statuses, TimeperiodSchedule periods,
                        boolean softStateDependencies) {
        this.graph = graph;
        this.statuses = statuses;
        this.periods = periods;
        this.softStateDependencies = softStateDependencies;
    }

    public DependencyGraph graph() {
        return graph;
    }

    /**
     * Whether an execution dependency of {@code target} fails at {@code now}, so that its scheduled (not
     * forced) active check is not run.
     */
    public boolean executionBlocked(CheckTarget target, Instant now) {
        return target.isHost() ? hostFails(target.hostName(), Dependency.Kind.EXECUTION, now, new HashSet<>())
                : serviceFails(target.service(), Dependency.Kind.EXECUTION, now, new HashSet<>());
    }

    /**
     * Whether notification dependencies suppress a normal (problem or recovery) notification of {@code target}
     * at {@code now}, as Nagios's notification viability checks decide: for a service its own service
     * dependencies or its host's host dependencies; for a host its host dependencies. Nagios does not apply
     * dependencies to acknowledgement, flapping, downtime or custom notifications; the notifier must not ask
     * for those.
     */
    public boolean notificationsBlocked(CheckTarget target, Instant now) {
        if (hostFails(target.hostName(), Dependency.Kind.NOTIFICATION, now, new HashSet<>())) {
            return true;
        }
        return !target.isHost() && serviceFails(target.service(), Dependency.Kind.NOTIFICATION, now,
                new HashSet<>());
    }

    private boolean serviceFails(ServiceKey dependent, Dependency.Kind kind, Instant now, Set<ServiceKey> seen) {
        // the config parser refuses circular dependencies; the set only keeps a bad model from recursing forever
        if (!seen.add(dependent)) {
            return false;
        }
        for (Dependency d : graph.ofService(dependent, kind)) {
            ServiceStatus master = statuses.service(new ServiceKey(d.hostName(), d.serviceDescription()));
            if (master == null || !inPeriod(d, now)) {
                continue;
            }
            if (fails(d, master)) {
                return true;
            }
            if (d.inheritsParent() && serviceFails(master.key(), kind, now, seen)) {
                return true;
            }
        }
        return false;
    }

    private boolean hostFails(String dependent, Dependency.Kind kind, Instant now, Set<String> seen) {
        if (!seen.add(dependent)) {
            return false;
        }
        for (Dependency d : graph.ofHost(dependent, kind)) {
            HostStatus master = statuses.host(d.hostName());
            if (master == null || !inPeriod(d, now)) {
                continue;
            }
            if (fails(d, master)) {
                return true;
            }
            if (d.inheritsParent() && hostFails(master.name(), kind, now, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the master's state (its last hard state while SOFT, unless soft states count) is a failure. */
    private boolean fails(Dependency d, CheckableStatus<?> master) {
        NagiosState state = master.stateType() == StateType.SOFT && !softStateDependencies
                ? master.lastHardState() : master.currentState();
        return d.failureOptions().has(state.letter());
    }

    private boolean inPeriod(Dependency d, Instant now) {
        if (d.period() == null || periods == null) {
            return true;
        }
        Optional<CompiledTimeperiod> tp = periods.find(d.period());
        return tp.isEmpty() || tp.get().contains(now);
    }
}
