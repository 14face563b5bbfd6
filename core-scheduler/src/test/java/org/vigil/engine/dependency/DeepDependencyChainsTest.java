package org.vigil.engine.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.Options;
import org.vigil.config.model.Retention;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateType;

/**
 * Chains of {@code inherits_parent} dependencies 20,000 long (o0 on o1, o1 on o2, ...), for hosts and services, on
 * a thread with a 512 KiB stack: the walk reaches the master at the far end, answers when nothing fails, and stops
 * on a loop, where a recursive walk (as Nagios's {@code check_*_dependencies}) overflows the stack.
 */
class DeepDependencyChainsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final int DEPTH = 20_000;
    private static final long STACK = 512 * 1024;

    private final Map<String, HostStatus> hosts = new HashMap<>();
    private final Map<ServiceKey, ServiceStatus> services = new HashMap<>();
    private final Dependencies.Statuses statuses = new Dependencies.Statuses() {
        @Override
        public HostStatus host(String name) {
            return hosts.get(name);
        }

        @Override
        public ServiceStatus service(ServiceKey key) {
            return services.get(key);
        }
    };

    DeepDependencyChainsTest() {
        for (int i = 0; i <= DEPTH; i++) {
            hosts.put(name(i), new HostStatus(host(name(i))));
            services.put(key(i), new ServiceStatus(service(key(i))));
        }
    }

    private static String name(int i) {
        return "o" + i;
    }

    private static ServiceKey key(int i) {
        return new ServiceKey(name(i), "svc");
    }

    /** o{i} on o{i+1} for every i below {@code DEPTH}, each inheriting; then {@code extra}. */
    private Dependencies chain(Dependency.Kind kind, boolean ofServices, List<int[]> extra) {
        List<Dependency> deps = new ArrayList<>();
        for (int i = 0; i < DEPTH; i++) {
            deps.add(dependency(kind, ofServices, i + 1, i));
        }
        extra.forEach(e -> deps.add(dependency(kind, ofServices, e[0], e[1])));
        DependencyGraph graph = ofServices ? DependencyGraph.of(List.of(), deps) : DependencyGraph.of(deps, List.of());
        return new Dependencies(graph, statuses, null, false);
    }

    private static Dependency dependency(Dependency.Kind kind, boolean ofServices, int master, int dependent) {
        return new Dependency(kind, name(master), ofServices ? "svc" : null, name(dependent),
                ofServices ? "svc" : null, null, true, Options.of(ofServices ? "c" : "d"), SourceLocation.NONE);
    }

    /** Runs {@code walk} on a thread with a small stack; a StackOverflowError there fails the test. */
    private static boolean onSmallStack(Supplier<Boolean> walk) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(walk.get());
            } catch (StackOverflowError e) {
                out.set(e);
            }
        }, "deep-dependencies", STACK);
        t.start();
        t.join();
        assertThat(out.get()).as("the walk's answer (not a StackOverflowError)").isInstanceOf(Boolean.class);
        return (Boolean) out.get();
    }

    @Test
    void aHostChainReachesItsFarMasterAndAnswersWhenNothingFails() throws Exception {
        CheckTarget first = new CheckTarget("h", name(0), null);
        Dependencies execution = chain(Dependency.Kind.EXECUTION, false, List.of());
        assertThat(onSmallStack(() -> execution.executionBlocked(first, NOW))).isFalse();

        hosts.get(name(DEPTH)).setCurrentState(HostState.DOWN);
        hosts.get(name(DEPTH)).setStateType(StateType.HARD);
        assertThat(onSmallStack(() -> execution.executionBlocked(first, NOW))).isTrue();
        Dependencies notification = chain(Dependency.Kind.NOTIFICATION, false, List.of());
        assertThat(onSmallStack(() -> notification.notificationsBlocked(first, NOW))).isTrue();
        // the chain's second half alone: the master at the end still counts
        CheckTarget middle = new CheckTarget("h", name(DEPTH / 2), null);
        assertThat(onSmallStack(() -> execution.executionBlocked(middle, NOW))).isTrue();
    }

    @Test
    void aServiceChainReachesItsFarMasterAndAnswersWhenNothingFails() throws Exception {
        CheckTarget first = new CheckTarget("s", name(0), key(0));
        Dependencies execution = chain(Dependency.Kind.EXECUTION, true, List.of());
        assertThat(onSmallStack(() -> execution.executionBlocked(first, NOW))).isFalse();

        services.get(key(DEPTH)).setCurrentState(ServiceState.CRITICAL);
        services.get(key(DEPTH)).setStateType(StateType.HARD);
        assertThat(onSmallStack(() -> execution.executionBlocked(first, NOW))).isTrue();
        Dependencies notification = chain(Dependency.Kind.NOTIFICATION, true, List.of());
        assertThat(onSmallStack(() -> notification.notificationsBlocked(first, NOW))).isTrue();
    }

    @Test
    void aLoopAtTheEndOfADeepChainIsWalkedOnce() throws Exception {
        // o20000 on o0 closes the loop (the config parser refuses it; the walk must still end)
        CheckTarget first = new CheckTarget("h", name(0), null);
        Dependencies loop = chain(Dependency.Kind.EXECUTION, false, List.<int[]>of(new int[] {0, DEPTH}));
        assertThat(onSmallStack(() -> loop.executionBlocked(first, NOW))).isFalse();
        Dependencies serviceLoop = chain(Dependency.Kind.EXECUTION, true, List.<int[]>of(new int[] {0, DEPTH}));
        CheckTarget firstService = new CheckTarget("s", name(0), key(0));
        assertThat(onSmallStack(() -> serviceLoop.executionBlocked(firstService, NOW))).isFalse();
    }

    private static CheckSettings check() {
        return new CheckSettings("check", "24x7", 'o', 3, 5, 1, true, true, false, false, 0, null, true, true);
    }

    private static Host host(String name) {
        return new Host(name, name, name, "127.0.0.1", List.of(), List.of(), check(),
                new FlapSettings(false, 0, 0, Options.NONE),
                new NotificationSettings(List.of("admin"), List.of(), "24x7", Options.of("dur"), true, 60, 0),
                Options.NONE, Links.NONE, new Retention(true, true), 0, Map.of(), SourceLocation.NONE);
    }

    private static Service service(ServiceKey key) {
        return new Service(key, key.description(), List.of(), List.of(), check(), false, true,
                new FlapSettings(false, 0, 0, Options.NONE),
                new NotificationSettings(List.of("admin"), List.of(), "24x7", Options.of("wucr"), true, 60, 0),
                Options.NONE, Links.NONE, new Retention(true, true), 0, Map.of(), SourceLocation.NONE);
    }
}
