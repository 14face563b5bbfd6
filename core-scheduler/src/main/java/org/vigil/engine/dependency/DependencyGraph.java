package org.vigil.engine.dependency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;

/**
 * The resolved dependencies of a config, indexed by dependent object and kind, as Nagios 4 keeps them in each
 * object's {@code exec_deps} and {@code notify_deps} lists. Immutable: safe to read from any thread.
 */
public final class DependencyGraph {

    private final Map<String, List<Dependency>> hostExecution;
    private final Map<String, List<Dependency>> hostNotification;
    private final Map<ServiceKey, List<Dependency>> serviceExecution;
    private final Map<ServiceKey, List<Dependency>> serviceNotification;

    private DependencyGraph(List<Dependency> hostDependencies, List<Dependency> serviceDependencies) {
        hostExecution = index(hostDependencies, Dependency.Kind.EXECUTION, d -> d.dependentHostName());
        hostNotification = index(hostDependencies, Dependency.Kind.NOTIFICATION, d -> d.dependentHostName());
        serviceExecution = index(serviceDependencies, Dependency.Kind.EXECUTION, DependencyGraph::dependentService);
        serviceNotification = index(serviceDependencies, Dependency.Kind.NOTIFICATION,
                DependencyGraph::dependentService);
    }

    /** The dependencies {@code model} defines (the config parser has already expanded groups and wildcards). */
    public static DependencyGraph of(ObjectModel model) {
        return new DependencyGraph(model.hostDependencies(), model.serviceDependencies());
    }

    /** The graph of exactly these dependencies; for tests and tools. */
    public static DependencyGraph of(List<Dependency> hostDependencies, List<Dependency> serviceDependencies) {
        return new DependencyGraph(hostDependencies, serviceDependencies);
    }

    /** The host dependencies of {@code kind} whose dependent is host {@code host}, in config order. */
    public List<Dependency> ofHost(String host, Dependency.Kind kind) {
        Map<String, List<Dependency>> m = kind == Dependency.Kind.EXECUTION ? hostExecution : hostNotification;
        return m.getOrDefault(host, List.of());
    }

    /** The service dependencies of {@code kind} whose dependent is {@code service}, in config order. */
    public List<Dependency> ofService(ServiceKey service, Dependency.Kind kind) {
        Map<ServiceKey, List<Dependency>> m = kind == Dependency.Kind.EXECUTION ? serviceExecution
                : serviceNotification;
        return m.getOrDefault(service, List.of());
    }

    /** The hosts that have at least one execution dependency. */
    public java.util.Set<String> hostsWithExecutionDependencies() {
        return hostExecution.keySet();
    }

    /** The services that have at least one execution dependency. */
    public java.util.Set<ServiceKey> servicesWithExecutionDependencies() {
        return serviceExecution.keySet();
    }

    private static ServiceKey dependentService(Dependency d) {
        return new ServiceKey(d.dependentHostName(), d.dependentServiceDescription());
    }

    private static <K> Map<K, List<Dependency>> index(List<Dependency> deps, Dependency.Kind kind,
                                                      java.util.function.Function<Dependency, K> key) {
        Map<K, List<Dependency>> out = new HashMap<>();
        for (Dependency d : deps) {
            if (d.kind() == kind) {
                out.computeIfAbsent(key.apply(d), k -> new ArrayList<>()).add(d);
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }
}
