package org.vigil.engine.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Options;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.NagiosState;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateType;
import org.vigil.engine.testkit.TestConfig;

/**
 * The failure criteria as tables: one dependency of dependent {@code d} on master {@code m}, the master in a
 * given state, and whether the dependency fails ({@code check_*_dependencies}). The same rules serve
 * execution and notification dependencies; each table runs for both kinds.
 */
class DependenciesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday, 10:00 UTC
    private static final ServiceKey MASTER = new ServiceKey("m", "svc");
    private static final ServiceKey DEPENDENT = new ServiceKey("d", "svc");
    private static final CheckTarget DEPENDENT_HOST = new CheckTarget("h1", "d", null);
    private static final CheckTarget DEPENDENT_SERVICE = new CheckTarget("s1", "d", DEPENDENT);

    @TempDir
    Path dir;

    private ObjectModel model;
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

    @BeforeEach
    void load() throws IOException {
        StringBuilder objects = new StringBuilder(TestConfig.CHECK_AND_ADMIN + """
                define timeperiod {
                    timeperiod_name workhours
                    alias work
                    wednesday 09:00-17:00
                }
                define timeperiod {
                    timeperiod_name nights
                    alias nights
                    wednesday 00:00-06:00
                }
                """);
        for (String h : List.of("m", "d", "a", "b", "c")) {
            objects.append("define host {\n host_name ").append(h).append("\n check_command check\n contacts admin\n"
                    + " max_check_attempts 3\n check_interval 5\n retry_interval 1\n}\n");
            objects.append("define service {\n host_name ").append(h).append("\n service_description svc\n"
                    + " check_command check\n contacts admin\n max_check_attempts 3\n check_interval 5\n retry_interval 1\n}\n");
        }
        LoadResult config = TestConfig.loadExactly(dir, "cfg_file=objects.cfg\nuse_timezone=UTC\n"
                + "illegal_macro_output_chars=`\n", objects.toString());
        model = config.model();
        model.hosts().values().forEach(h -> hosts.put(h.name(), new HostStatus(h)));
        model.services().values().forEach(s -> services.put(s.key(), new ServiceStatus(s)));
    }

    private Dependencies dependencies(List<Dependency> hostDeps, List<Dependency> serviceDeps, boolean soft) {
        return new Dependencies(DependencyGraph.of(hostDeps, serviceDeps), statuses,
                model.compileTimeperiods(java.time.ZoneOffset.UTC, new Diagnostics()), soft);
    }

    private static Dependency serviceDep(Dependency.Kind kind, ServiceKey master, ServiceKey dependent,
                                         String criteria, boolean inherits, String period) {
        return new Dependency(kind, master.hostName(), master.description(), dependent.hostName(),
                dependent.description(), period, inherits, Options.of(criteria), SourceLocation.NONE);
    }

    private static Dependency hostDep(Dependency.Kind kind, String master, String dependent, String criteria,
                                      boolean inherits, String period) {
        return new Dependency(kind, master, null, dependent, null, period, inherits, Options.of(criteria),
                SourceLocation.NONE);
    }

    /** Puts {@code st} in {@code state}: "PENDING", or "STATE TYPE [last hard state]". */
    private static <S extends Enum<S> & NagiosState> void setState(CheckableStatus<S> st, String spec,
                                                                   java.util.function.Function<String, S> parse) {
        if (spec.equals("PENDING")) {
            return; // never checked: Nagios keeps the initial state (OK/UP), HARD
        }
        String[] p = spec.split(" ");
        st.setHasBeenChecked(true);
        st.setCurrentState(parse.apply(p[0]));
        st.setStateType(StateType.valueOf(p[1]));
        st.setLastHardState(parse.apply(p.length > 2 ? p[2] : p[0]));
    }

    private static List<List<String>> rows(String table) {
        List<List<String>> out = new ArrayList<>();
        for (String line : table.strip().lines().toList()) {
            String inner = line.strip().substring(1, line.strip().length() - 1);
            out.add(Arrays.stream(inner.split("\\|")).map(String::strip).toList());
        }
        return out.subList(1, out.size());
    }

    @Test
    void serviceCriteriaTable() throws IOException {
        String table = """
                | criteria | master               | soft_state_dependencies | fails |
                | o        | OK HARD              | 0                       | yes   |
                | o        | WARNING HARD         | 0                       | no    |
                | w        | WARNING HARD         | 0                       | yes   |
                | w        | CRITICAL HARD        | 0                       | no    |
                | c        | CRITICAL HARD        | 0                       | yes   |
                | u        | UNKNOWN HARD         | 0                       | yes   |
                | u        | CRITICAL HARD        | 0                       | no    |
                | wuc      | OK HARD              | 0                       | no    |
                | wuc      | UNKNOWN HARD         | 0                       | yes   |
                | owucp    | OK HARD              | 0                       | yes   |
                |          | CRITICAL HARD        | 0                       | no    |
                | c        | CRITICAL SOFT OK     | 0                       | no    |
                | c        | CRITICAL SOFT OK     | 1                       | yes   |
                | o        | CRITICAL SOFT OK     | 0                       | yes   |
                | o        | CRITICAL SOFT OK     | 1                       | no    |
                | w        | OK SOFT WARNING      | 0                       | yes   |
                | w        | OK SOFT WARNING      | 1                       | no    |
                | c        | WARNING SOFT CRITICAL| 0                       | yes   |
                | p        | PENDING              | 0                       | no    |
                | p        | PENDING              | 1                       | no    |
                | o        | PENDING              | 0                       | yes   |
                | c        | PENDING              | 0                       | no    |
                """;
        for (Dependency.Kind kind : Dependency.Kind.values()) {
            for (List<String> row : rows(table)) {
                load();
                setState(services.get(MASTER), row.get(1), ServiceState::valueOf);
                Dependencies deps = dependencies(List.of(),
                        List.of(serviceDep(kind, MASTER, DEPENDENT, row.get(0), false, null)),
                        row.get(2).equals("1"));
                boolean fails = kind == Dependency.Kind.EXECUTION ? deps.executionBlocked(DEPENDENT_SERVICE, NOW)
                        : deps.notificationsBlocked(DEPENDENT_SERVICE, NOW);
                assertThat(fails ? "yes" : "no").as("%s %s", kind, row).isEqualTo(row.get(3));
            }
        }
    }

    @Test
    void hostCriteriaTable() throws IOException {
        String table = """
                | criteria | master                  | soft_state_dependencies | fails |
                | o        | UP HARD                 | 0                       | yes   |
                | d        | UP HARD                 | 0                       | no    |
                | d        | DOWN HARD               | 0                       | yes   |
                | d        | UNREACHABLE HARD        | 0                       | no    |
                | u        | UNREACHABLE HARD        | 0                       | yes   |
                | u        | DOWN HARD               | 0                       | no    |
                | du       | UNREACHABLE HARD        | 0                       | yes   |
                | du       | DOWN SOFT UP            | 0                       | no    |
                | du       | DOWN SOFT UP            | 1                       | yes   |
                | o        | UP SOFT DOWN            | 0                       | no    |
                | d        | UP SOFT DOWN            | 0                       | yes   |
                | p        | PENDING                 | 0                       | no    |
                | o        | PENDING                 | 0                       | yes   |
                |          | DOWN HARD               | 0                       | no    |
                """;
        for (Dependency.Kind kind : Dependency.Kind.values()) {
            for (List<String> row : rows(table)) {
                load();
                setState(hosts.get("m"), row.get(1), HostState::valueOf);
                Dependencies deps = dependencies(List.of(hostDep(kind, "m", "d", row.get(0), false, null)),
                        List.of(), row.get(2).equals("1"));
                boolean fails = kind == Dependency.Kind.EXECUTION ? deps.executionBlocked(DEPENDENT_HOST, NOW)
                        : deps.notificationsBlocked(DEPENDENT_HOST, NOW);
                assertThat(fails ? "yes" : "no").as("%s %s", kind, row).isEqualTo(row.get(3));
            }
        }
    }

    @Test
    void kindsAreSeparate() {
        setState(services.get(MASTER), "CRITICAL HARD", ServiceState::valueOf);
        Dependencies exec = dependencies(List.of(),
                List.of(serviceDep(Dependency.Kind.EXECUTION, MASTER, DEPENDENT, "c", false, null)), false);
        assertThat(exec.executionBlocked(DEPENDENT_SERVICE, NOW)).isTrue();
        assertThat(exec.notificationsBlocked(DEPENDENT_SERVICE, NOW)).isFalse();
        Dependencies notify = dependencies(List.of(),
                List.of(serviceDep(Dependency.Kind.NOTIFICATION, MASTER, DEPENDENT, "c", false, null)), false);
        assertThat(notify.executionBlocked(DEPENDENT_SERVICE, NOW)).isFalse();
        assertThat(notify.notificationsBlocked(DEPENDENT_SERVICE, NOW)).isTrue();
    }

    /** Nagios's service notification viability also asks the host's notification dependencies; execution not. */
    @Test
    void serviceNotificationsFollowTheirHostsNotificationDependencies() {
        setState(hosts.get("m"), "DOWN HARD", HostState::valueOf);
        Dependencies deps = dependencies(List.of(hostDep(Dependency.Kind.NOTIFICATION, "m", "d", "d", false, null),
                hostDep(Dependency.Kind.EXECUTION, "m", "d", "d", false, null)), List.of(), false);
        assertThat(deps.notificationsBlocked(DEPENDENT_SERVICE, NOW)).isTrue();
        assertThat(deps.notificationsBlocked(DEPENDENT_HOST, NOW)).isTrue();
        assertThat(deps.executionBlocked(DEPENDENT_SERVICE, NOW)).isFalse();
        assertThat(deps.executionBlocked(DEPENDENT_HOST, NOW)).isTrue();
        // a service on another host is not concerned
        assertThat(deps.notificationsBlocked(new CheckTarget("s9", "a", new ServiceKey("a", "svc")), NOW)).isFalse();
    }

    @Test
    void anyFailingDependencyFailsTheObject() {
        ServiceKey a = new ServiceKey("a", "svc");
        setState(services.get(a), "CRITICAL HARD", ServiceState::valueOf);
        Dependencies deps = dependencies(List.of(), List.of(
                serviceDep(Dependency.Kind.EXECUTION, MASTER, DEPENDENT, "c", false, null),
                serviceDep(Dependency.Kind.EXECUTION, a, DEPENDENT, "c", false, null)), false);
        assertThat(deps.executionBlocked(DEPENDENT_SERVICE, NOW)).isTrue();
    }

    /** d depends on c, c on b, b on a; a is CRITICAL. Only an unbroken inherits_parent chain reaches it. */
    @Test
    void inheritsParentWalksTheMastersOwnDependencies() {
        ServiceKey a = new ServiceKey("a", "svc");
        ServiceKey b = new ServiceKey("b", "svc");
        ServiceKey c = new ServiceKey("c", "svc");
        setState(services.get(a), "CRITICAL HARD", ServiceState::valueOf);
        String table = """
                | d on c inherits | c on b inherits | b on a criteria | d blocked | c blocked |
                | 1               | 1               | c               | yes       | yes       |
                | 1               | 0               | c               | no        | no        |
                | 0               | 1               | c               | no        | yes       |
                | 1               | 1               | w               | no        | no        |
                """;
        for (List<String> row : rows(table)) {
            for (Dependency.Kind kind : Dependency.Kind.values()) {
                Dependencies deps = dependencies(List.of(), List.of(
                        serviceDep(kind, c, DEPENDENT, "wc", row.get(0).equals("1"), null),
                        serviceDep(kind, b, c, "wc", row.get(1).equals("1"), null),
                        serviceDep(kind, a, b, row.get(2), false, null)), false);
                CheckTarget ct = new CheckTarget("s3", "c", c);
                boolean d = kind == Dependency.Kind.EXECUTION ? deps.executionBlocked(DEPENDENT_SERVICE, NOW)
                        : deps.notificationsBlocked(DEPENDENT_SERVICE, NOW);
                boolean cb = kind == Dependency.Kind.EXECUTION ? deps.executionBlocked(ct, NOW)
                        : deps.notificationsBlocked(ct, NOW);
                assertThat(List.of(d ? "yes" : "no", cb ? "yes" : "no")).as("%s %s", kind, row)
                        .isEqualTo(row.subList(3, 5));
            }
        }
    }

    @Test
    void inheritsParentForHosts() {
        setState(hosts.get("a"), "DOWN HARD", HostState::valueOf);
        Dependencies inherits = dependencies(List.of(hostDep(Dependency.Kind.EXECUTION, "b", "d", "d", true, null),
                hostDep(Dependency.Kind.EXECUTION, "a", "b", "d", false, null)), List.of(), false);
        assertThat(inherits.executionBlocked(DEPENDENT_HOST, NOW)).isTrue();
        Dependencies not = dependencies(List.of(hostDep(Dependency.Kind.EXECUTION, "b", "d", "d", false, null),
                hostDep(Dependency.Kind.EXECUTION, "a", "b", "d", false, null)), List.of(), false);
        assertThat(not.executionBlocked(DEPENDENT_HOST, NOW)).isFalse();
        // the chain only follows dependencies of the same kind
        Dependencies mixed = dependencies(List.of(hostDep(Dependency.Kind.EXECUTION, "b", "d", "d", true, null),
                hostDep(Dependency.Kind.NOTIFICATION, "a", "b", "d", false, null)), List.of(), false);
        assertThat(mixed.executionBlocked(DEPENDENT_HOST, NOW)).isFalse();
    }

    /** NOW is Wednesday 10:00: inside workhours, outside nights. */
    @Test
    void aDependencyOutsideItsPeriodDoesNotApply() {
        setState(services.get(MASTER), "CRITICAL HARD", ServiceState::valueOf);
        String table = """
                | period    | at                   | fails |
                | workhours | 2026-11-25T10:00:00Z | yes   |
                | workhours | 2026-11-25T17:00:00Z | no    |
                | workhours | 2026-11-26T10:00:00Z | no    |
                | nights    | 2026-11-25T10:00:00Z | no    |
                | nights    | 2026-11-25T05:59:59Z | yes   |
                | -         | 2026-11-26T10:00:00Z | yes   |
                """;
        for (List<String> row : rows(table)) {
            String period = row.get(0).equals("-") ? null : row.get(0);
            Dependencies deps = dependencies(List.of(), List.of(
                    serviceDep(Dependency.Kind.EXECUTION, MASTER, DEPENDENT, "c", false, period),
                    serviceDep(Dependency.Kind.NOTIFICATION, MASTER, DEPENDENT, "c", false, period)), false);
            Instant at = Instant.parse(row.get(1));
            assertThat(List.of(deps.executionBlocked(DEPENDENT_SERVICE, at) ? "yes" : "no",
                    deps.notificationsBlocked(DEPENDENT_SERVICE, at) ? "yes" : "no")).as(row.toString())
                    .isEqualTo(List.of(row.get(2), row.get(2)));
        }
    }

    /** Nagios stops at the first dependency outside its period; Vigil skips only that one (compatibility.md). */
    @Test
    void aDependencyOutsideItsPeriodDoesNotHideTheOthers() {
        ServiceKey a = new ServiceKey("a", "svc");
        setState(services.get(a), "CRITICAL HARD", ServiceState::valueOf);
        Dependencies deps = dependencies(List.of(), List.of(
                serviceDep(Dependency.Kind.EXECUTION, MASTER, DEPENDENT, "o", false, "nights"),
                serviceDep(Dependency.Kind.EXECUTION, a, DEPENDENT, "c", false, null)), false);
        assertThat(deps.executionBlocked(DEPENDENT_SERVICE, NOW)).isTrue();
    }

    /** The parser's expansion reaches the engine: one definition with both criteria gives both kinds. */
    @Test
    void dependenciesFromTheConfig() throws IOException {
        Files.writeString(dir.resolve("objects.cfg"), Files.readString(dir.resolve("objects.cfg")) + """
                define servicedependency {
                    host_name m
                    service_description svc
                    dependent_host_name d
                    dependent_service_description svc
                    execution_failure_criteria w,c
                    notification_failure_criteria u
                }
                define hostdependency {
                    host_name m
                    dependent_host_name d
                    notification_failure_criteria d
                }
                """);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        DependencyGraph graph = DependencyGraph.of(config.model());
        assertThat(graph.ofService(DEPENDENT, Dependency.Kind.EXECUTION)).singleElement()
                .satisfies(d -> assertThat(d.failureOptions().letters()).isEqualTo("cw"));
        assertThat(graph.ofService(DEPENDENT, Dependency.Kind.NOTIFICATION)).singleElement()
                .satisfies(d -> assertThat(d.failureOptions().letters()).isEqualTo("u"));
        assertThat(graph.ofHost("d", Dependency.Kind.NOTIFICATION)).hasSize(1);
        assertThat(graph.ofHost("d", Dependency.Kind.EXECUTION)).isEmpty();
        assertThat(graph.servicesWithExecutionDependencies()).containsExactly(DEPENDENT);
        assertThat(graph.hostsWithExecutionDependencies()).isEmpty();
    }
}
