package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.model.Escalation;
import org.vigil.config.model.ServiceKey;

class ExpansionTest {

    @TempDir
    Path dir;

    private static final String HOSTS = TestConfig.BASE + """
            define host {
                use        generic-host
                host_name  web1
                hostgroups web
            }
            define host {
                use        generic-host
                host_name  web2
            }
            define host {
                use        generic-host
                host_name  db1
            }
            define hostgroup {
                hostgroup_name web
                members        web2
            }
            define hostgroup {
                hostgroup_name all
                members        *,!db1
            }
            define hostgroup {
                hostgroup_name everything
                hostgroup_members web
                members        db1
            }
            """;

    @Test
    void groupMembershipFromBothSidesWildcardsExclusionsAndNesting() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + """
                define service {
                    use                 generic-service
                    hostgroup_name      everything
                    service_description ping
                }
                """);
        assertThat(c.errors(r)).isEmpty();
        assertThat(r.model().hostGroups().get("web").members()).containsExactly("web1", "web2");
        assertThat(r.model().hostGroups().get("all").members()).containsExactly(TestConfig.MINIMAL_HOST, "web1", "web2");
        assertThat(r.model().hostGroups().get("everything").members()).containsExactly("db1", "web1", "web2");
        assertThat(r.model().hosts().get("web1").hostgroups()).containsExactlyInAnyOrder("web", "all", "everything");
    }

    @Test
    void servicesOnGroupsWithExclusionsAndHostLevelPrecedence() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + """
                define service {
                    use                 generic-service
                    hostgroup_name      everything
                    host_name           !web2
                    service_description disk
                    check_command       check_dummy!1
                }
                define service {
                    use                 generic-service
                    host_name           db1
                    service_description disk
                    check_command       check_dummy!2
                }
                """);
        assertThat(r.model().services().keySet()).containsExactly(new ServiceKey("db1", "disk"),
                new ServiceKey(TestConfig.MINIMAL_HOST, "minimal"), new ServiceKey("web1", "disk"));
        assertThat(r.model().services().get(new ServiceKey("db1", "disk")).check().checkCommand())
                .isEqualTo("check_dummy!2");
        assertThat(c.messages(r)).anySatisfy(m -> assertThat(m).contains("warning: duplicate definition of service"
                + " 'disk' on host 'db1'"));
    }

    @Test
    void servicesInheritContactsFromTheirHostOnlyWhenTheyNameNone() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + """
                define contactgroup {
                    contactgroup_name ops
                    members admin
                }
                define service {
                    use                 generic-service
                    host_name           web1
                    service_description inherits
                }
                define service {
                    use                 generic-service
                    host_name           web1
                    service_description own-group
                    contact_groups      ops
                }
                """);
        assertThat(r.model().services().get(new ServiceKey("web1", "inherits")).notification().contacts())
                .containsExactly("admin");
        assertThat(r.model().services().get(new ServiceKey("web1", "own-group")).notification().contacts())
                .isEmpty();
    }

    @Test
    void escalationsOnGroupsExpandPerHostAndInheritFromTheHost() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + """
                define host {
                    use        generic-host
                    host_name  lb1
                    notification_interval 17
                }
                define hostescalation {
                    hostgroup_name     web
                    host_name          lb1
                    first_notification 2
                    last_notification  4
                }
                """);
        assertThat(c.errors(r)).isEmpty();
        assertThat(r.model().hostEscalations()).extracting(Escalation::hostName)
                .containsExactlyInAnyOrder("web1", "web2", "lb1");
        Escalation lb = r.model().hostEscalations().stream().filter(e -> e.hostName().equals("lb1")).findFirst()
                .orElseThrow();
        assertThat(lb.notificationInterval()).isEqualTo(17.0);
        assertThat(lb.contacts()).containsExactly("admin");
        assertThat(lb.period()).isEqualTo("24x7");
    }

    @Test
    void serviceDependencyWithBothCriteriaBecomesTwo() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + """
                define service {
                    use                 generic-service
                    host_name           web1,db1
                    service_description svc
                }
                define servicedependency {
                    host_name                     db1
                    service_description           svc
                    dependent_host_name           web1
                    dependent_service_description svc
                    execution_failure_criteria    c
                    notification_failure_criteria w,c
                }
                """);
        assertThat(c.errors(r)).isEmpty();
        assertThat(r.model().serviceDependencies()).hasSize(2);
    }

    /**
     * A deliberate difference (docs/compatibility.md): without host_name, Nagios 4.4.6 chains several
     * masters (checked with nagios4: for "HTTP,Disk" it made Disk the master of the dependent and HTTP the
     * master of Disk). Vigil makes each of them a master of the dependent, and warns.
     */
    @Test
    void serviceDependencyWithoutHostNameGivesTheDependentEveryMaster() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + service("HTTP") + service("Disk") + service("App") + """
                define servicedependency {
                    service_description           HTTP,Disk
                    dependent_host_name           web1
                    dependent_service_description App
                    execution_failure_criteria    c
                }
                """);
        assertThat(c.errors(r)).isEmpty();
        assertThat(r.model().serviceDependencies()).extracting(d -> d.serviceDescription() + ">"
                + d.dependentServiceDescription()).containsExactlyInAnyOrder("HTTP>App", "Disk>App");
        assertThat(c.messages(r)).anyMatch(m -> m.contains("warning: servicedependency without host_name: 'App'"
                + " on host 'web1' depends on each of 2 services here, but Nagios 4.4.6"));
    }

    private static String service(String description) {
        return """
                define service {
                    use                 generic-service
                    host_name           web1
                    service_description %s
                }
                """.formatted(description);
    }
}
