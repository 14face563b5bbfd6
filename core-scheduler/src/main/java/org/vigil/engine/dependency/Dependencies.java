package org.vigil.engine.dependency;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.ServiceKey;
import org.vigil.config.timeperiod.CompiledTimeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;
import org.vigil.engine.state.CheckTarget;
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
        return target.isHost() ? hostFails(target.hostName(), Dependency.Kind.EXECUTION, now)
                : serviceFails(target.service(), Dependency.Kind.EXECUTION, now);
    }

    /**
     * Whether notification dependencies suppress a normal (problem or recovery) notification of {@code target}
     * at {@code now}, as Nagios's notification viability checks decide: for a service its own service
     * dependencies or its host's host dependencies; for a host its host dependencies. Nagios does not apply
     * dependencies to acknowledgement, flapping, downtime or custom notifications; the notifier must not ask
     * for those.
     */
    public boolean notificationsBlocked(CheckTarget target, Instant now) {
        if (hostFails(target.hostName(), Dependency.Kind.NOTIFICATION, now)) {
            return true;
        }
        return !target.isHost() && serviceFails(target.service(), Dependency.Kind.NOTIFICATION, now);
    }

    private boolean serviceFails(ServiceKey dependent, Dependency.Kind kind, Instant now) {
        return anyFails(dependent, key -> graph.ofService(key, kind),
                d -> new ServiceKey(d.hostName(), d.serviceDescription()), statuses::service, now);
    }

    private boolean hostFails(String dependent, Dependency.Kind kind, Instant now) {
        return anyFails(dependent, host -> graph.ofHost(host, kind), Dependency::hostName, statuses::host, now);
    }

    /**
     * Nagios's {@code check_*_dependencies} from {@code dependent}: each dependency in order, failing at the first
     * whose master fails it, and after a master that passes, with {@code inherits_parent}, the master's own
     * dependencies first, then the rest. Nagios recurses for the master; this keeps the unfinished lists on a
     * stack of its own, so a chain of {@code inherits_parent} as long as the config makes it cannot overflow the
     * engine thread's stack. Each object is walked once (the config parser refuses circular dependencies; this
     * only keeps a bad model from going round forever).
     */
    private <K> boolean anyFails(K dependent, Function<K, List<Dependency>> dependencies,
                                 Function<Dependency, K> masterKey, Function<K, CheckableStatus<?>> status,
                                 Instant now) {
        Set<K> seen = new HashSet<>();
        seen.add(dependent);
        Deque<Iterator<Dependency>> stack = new ArrayDeque<>();
        stack.push(dependencies.apply(dependent).iterator());
        while (!stack.isEmpty()) {
            Iterator<Dependency> next = stack.peek();
            if (!next.hasNext()) {
                stack.pop();
                continue;
            }
            Dependency d = next.next();
            K key = masterKey.apply(d);
            CheckableStatus<?> master = status.apply(key);
            if (master == null || !inPeriod(d, now)) {
                continue;
            }
            if (fails(d, master)) {
                return true;
            }
            if (d.inheritsParent() && seen.add(key)) {
                stack.push(dependencies.apply(key).iterator());
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
