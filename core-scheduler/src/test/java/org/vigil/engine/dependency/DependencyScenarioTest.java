package org.vigil.engine.dependency;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masters and dependents walking through results on the engine, as Nagios 4.4.6 runs them: a failing execution
 * dependency keeps the dependent's scheduled check from running (nothing is logged: Nagios writes only to its
 * debug log), the check is tried again one interval later (the retry interval while the dependent is in a soft
 * problem state), and a forced check runs anyway.
 */
class DependencyScenarioTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday

    /** db is passive only (2 attempts); web depends on it for execution on w,c and for notifications on c. */
    private static final String SERVICES = """
            define host {
                use base-host
                host_name dbhost
                active_checks_enabled 0
            }
            define host {
                use base-host
                host_name webhost
                active_checks_enabled 0
            }
            define service {
                use base-service
                host_name dbhost
                service_description db
                active_checks_enabled 0
                max_check_attempts 2
            }
            define service {
                use base-service
                host_name webhost
                service_description web
            }
            define servicedependency {
                host_name dbhost
                service_description db
                dependent_host_name webhost
                dependent_service_description web
                execution_failure_criteria w,c
                notification_failure_criteria c
                %s
            }
            """;

    @TempDir
    Path dir;

    private DependencyScenario scenario;

    @AfterEach
    void stop() {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void executionDependencyWalksTheMastersStates() throws Exception {
        scenario = new DependencyScenario(dir, T0, "", SERVICES.formatted(""), "webhost;web");
        scenario.play("""
                | t    | do        | ran | db              | web             | web.next | web.nblocked | log
                | 0    | -         | web | PENDING         | OK/HARD/1       | 300      | no           | -
                | 10   | db=P2     | -   | CRITICAL/SOFT/1 | OK/HARD/1       | 300      | no           | -
                | 300  | -         | web | CRITICAL/SOFT/1 | OK/HARD/1       | 600      | no           | -
                | 310  | db=P2     | -   | CRITICAL/HARD/2 | OK/HARD/1       | 600      | yes          | -
                | 600  | -         | -   | CRITICAL/HARD/2 | OK/HARD/1       | 900      | yes          | -
                | 610  | force web | web | CRITICAL/HARD/2 | OK/HARD/1       | 910      | yes          | -
                | 910  | -         | -   | CRITICAL/HARD/2 | OK/HARD/1       | 1210     | yes          | -
                | 920  | db=P1     | -   | WARNING/HARD/2  | OK/HARD/1       | 1210     | no           | -
                | 1210 | -         | -   | WARNING/HARD/2  | OK/HARD/1       | 1510     | no           | -
                | 1220 | db=P0     | -   | OK/HARD/1       | OK/HARD/1       | 1510     | no           | -
                | 1510 | web=2     | web | OK/HARD/1       | CRITICAL/SOFT/1 | 1570     | no           | SERVICE ALERT: webhost;web;CRITICAL;SOFT;1;CRITICAL - broken
                | 1520 | db=P2     | -   | CRITICAL/SOFT/1 | CRITICAL/SOFT/1 | 1570     | no           | -
                | 1530 | db=P2     | -   | CRITICAL/HARD/2 | CRITICAL/SOFT/1 | 1570     | yes          | -
                | 1570 | -         | -   | CRITICAL/HARD/2 | CRITICAL/SOFT/1 | 1630     | yes          | -
                | 1630 | -         | -   | CRITICAL/HARD/2 | CRITICAL/SOFT/1 | 1690     | yes          | -
                | 1640 | db=P0     | -   | OK/HARD/1       | CRITICAL/SOFT/1 | 1690     | no           | -
                | 1690 | -         | web | OK/HARD/1       | CRITICAL/SOFT/2 | 1750     | no           | SERVICE ALERT: webhost;web;CRITICAL;SOFT;2;CRITICAL - broken
                """);
    }

    @Test
    void softStateDependenciesCountTheMastersSoftState() throws Exception {
        scenario = new DependencyScenario(dir, T0, "soft_state_dependencies=1\n", SERVICES.formatted(""),
                "webhost;web");
        scenario.play("""
                | t   | do    | ran | db              | web       | web.next | web.nblocked
                | 0   | -     | web | PENDING         | OK/HARD/1 | 300      | no
                | 10  | db=P2 | -   | CRITICAL/SOFT/1 | OK/HARD/1 | 300      | yes
                | 300 | -     | -   | CRITICAL/SOFT/1 | OK/HARD/1 | 600      | yes
                | 310 | db=P0 | -   | OK/HARD/1       | OK/HARD/1 | 600      | no
                | 600 | -     | web | OK/HARD/1       | OK/HARD/1 | 900      | no
                """);
    }

    /** T0 + 0 is 10:00; the dependency only applies 09:00-17:00 on weekdays; 17:00 is T0 + 25200. */
    @Test
    void outsideItsPeriodTheDependencyDoesNotApply() throws Exception {
        scenario = new DependencyScenario(dir, T0, "", SERVICES.formatted("dependency_period workhours"),
                "webhost;web");
        scenario.play("""
                | t     | do          | ran | db              | web.next | web.nblocked
                | 0     | db=P2;db=P2 | -   | CRITICAL/HARD/2 | 300      | yes
                | 24900 | -           | -   | CRITICAL/HARD/2 | 25200    | yes
                | 25200 | -           | web | CRITICAL/HARD/2 | 25500    | no
                | 25500 | -           | web | CRITICAL/HARD/2 | 25800    | no
                """);
    }

    /**
     * Hosts: access1 and access2 depend on dist (d,u), access1 with inherits_parent; dist depends on core (d).
     * client1 depends on server for u, client2 for d; server's parent is router, so when router is down a
     * failing server is UNREACHABLE, which blocks client1 only.
     */
    @Test
    void hostDependenciesInheritParentsAndMeetUnreachable() throws Exception {
        scenario = new DependencyScenario(dir, T0, "", """
                define host {
                    use base-host
                    host_name core
                    active_checks_enabled 0
                }
                define host {
                    use base-host
                    host_name dist
                    active_checks_enabled 0
                }
                define service {
                    use base-service
                    host_name core
                    service_description ping
                    active_checks_enabled 0
                }
                define host {
                    use base-host
                    host_name access1
                }
                define host {
                    use base-host
                    host_name access2
                }
                define host {
                    use base-host
                    host_name router
                    active_checks_enabled 0
                }
                define host {
                    use base-host
                    host_name server
                    parents router
                }
                define host {
                    use base-host
                    host_name client1
                }
                define host {
                    use base-host
                    host_name client2
                }
                define hostdependency {
                    host_name dist
                    dependent_host_name access1
                    execution_failure_criteria d,u
                    inherits_parent 1
                }
                define hostdependency {
                    host_name dist
                    dependent_host_name access2
                    execution_failure_criteria d,u
                }
                define hostdependency {
                    host_name core
                    dependent_host_name dist
                    execution_failure_criteria d
                }
                define hostdependency {
                    host_name server
                    dependent_host_name client1
                    execution_failure_criteria u
                }
                define hostdependency {
                    host_name server
                    dependent_host_name client2
                    execution_failure_criteria d
                }
                """, "HOST ALERT");
        scenario.play("""
                | t   | do                           | ran                                  | core        | server             | access1.next | client1.next | log
                | 0   | -                            | access1,access2,client1,client2,server | PENDING   | UP/HARD/1          | 300          | 300          | -
                | 10  | core=P1                      | -                                    | DOWN/HARD/1 | UP/HARD/1          | 300          | 300          | HOST ALERT: core;DOWN;HARD;1;broken
                | 300 | -                            | access2,client1,client2,server       | DOWN/HARD/1 | UP/HARD/1          | 600          | 600          | -
                | 310 | router=P1;server=2;force server | server                            | DOWN/HARD/1 | UNREACHABLE/HARD/1 | 600          | 600          | HOST ALERT: router;DOWN;HARD;1;broken // HOST ALERT: server;UNREACHABLE;HARD;1;CRITICAL - broken
                | 600 | -                            | access2,client2                      | DOWN/HARD/1 | UNREACHABLE/HARD/1 | 900          | 900          | -
                | 610 | server=0;core=P0;router=P0   | server                               | UP/HARD/1   | UP/HARD/1          | 900          | 900          | HOST ALERT: core;UP;HARD;1;fine // HOST ALERT: router;UP;HARD;1;fine // HOST ALERT: server;UP;HARD;1;OK - fine
                | 900 | -                            | access1,access2,client1,client2      | UP/HARD/1   | UP/HARD/1          | 1200         | 1200         | -
                """);
    }

    /**
     * A service's state change asks for an on-demand check of its host (Nagios's route check); Nagios runs it
     * through the same viability test, so a host whose execution dependency fails is not checked then either.
     */
    @Test
    void onDemandHostChecksRespectExecutionDependencies() throws Exception {
        scenario = new DependencyScenario(dir, T0, "", """
                define host {
                    use base-host
                    host_name core
                    active_checks_enabled 0
                }
                define host {
                    use base-host
                    host_name server
                }
                define service {
                    use base-service
                    host_name server
                    service_description app
                }
                define service {
                    use base-service
                    host_name server
                    service_description app2
                    check_interval 10
                }
                define hostdependency {
                    host_name core
                    dependent_host_name server
                    execution_failure_criteria d
                }
                """, "SERVICE ALERT");
        scenario.play("""
                | t   | do             | ran             | server.next | log
                | 0   | -              | app,app2,server | 300         | -
                | 10  | core=P1        | -               | 300         | -
                | 300 | app=2          | app             | 600         | SERVICE ALERT: server;app;CRITICAL;SOFT;1;CRITICAL - broken
                | 420 | -              | app,app         | 600         | SERVICE ALERT: server;app;CRITICAL;SOFT;2;CRITICAL - broken // SERVICE ALERT: server;app;CRITICAL;HARD;3;CRITICAL - broken
                | 430 | core=P0;app2=2;force app2 | app2,server | 730 | SERVICE ALERT: server;app2;CRITICAL;SOFT;1;CRITICAL - broken
                """);
    }

    @Test
    void hostDownDisablesServiceChecksEvenForced() throws Exception {
        scenario = new DependencyScenario(dir, T0, "host_down_disable_service_checks=1\n", """
                define host {
                    use base-host
                    host_name webhost
                    active_checks_enabled 0
                }
                define service {
                    use base-service
                    host_name webhost
                    service_description web
                }
                """, "webhost;web");
        scenario.play("""
                | t   | do           | ran | webhost     | web       | web.next
                | 0   | -            | web | PENDING     | OK/HARD/1 | 300
                | 10  | webhost=P1   | -   | DOWN/HARD/1 | OK/HARD/1 | 300
                | 300 | -            | -   | DOWN/HARD/1 | OK/HARD/1 | 600
                | 310 | force web    | -   | DOWN/HARD/1 | OK/HARD/1 | 610
                | 320 | webhost=P0   | -   | UP/HARD/1   | OK/HARD/1 | 610
                | 610 | -            | web | UP/HARD/1   | OK/HARD/1 | 910
                """);
    }
}
