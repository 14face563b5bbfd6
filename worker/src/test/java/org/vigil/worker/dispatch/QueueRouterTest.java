package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.config.model.ObjectModel;

/**
 * mod_gearman's set_target_queue rules, in its order, on a configuration read by config-parser: custom variable,
 * local servicegroups, local hostgroups, servicegroups, hostgroups (first in the settings' order), general queues.
 */
class QueueRouterTest {

    /**
     * web2 lists web before dmz; all-web holds web through hostgroup_members; db1 and db2 name their queue in
     * {@code _WORKER} (db1/mysql says local, db2/mysql its own queue); core1 is in no group.
     */
    static final String OBJECTS = """
            define command {
                command_name check
                command_line /bin/true
            }
            define contact {
                contact_name admin
                host_notification_commands check
                service_notification_commands check
            }
            define host {
                name base
                contacts admin
                check_command check
                max_check_attempts 1
                register 0
            }
            define service {
                name svc
                contacts admin
                check_command check
                max_check_attempts 1
                register 0
            }
            define hostgroup {
                hostgroup_name web
            }
            define hostgroup {
                hostgroup_name dmz
                members lb1
            }
            define hostgroup {
                hostgroup_name db
            }
            define hostgroup {
                hostgroup_name all-web
                hostgroup_members web
            }
            define servicegroup {
                servicegroup_name ssl
                members web1,http,lb1,ping
            }
            define host {
                use base
                host_name web1
                hostgroups web
            }
            define host {
                use base
                host_name web2
                hostgroups web,dmz
            }
            define host {
                use base
                host_name lb1
            }
            define host {
                use base
                host_name db1
                hostgroups db
                _WORKER dbqueue
            }
            define host {
                use base
                host_name db2
                hostgroups db
            }
            define host {
                use base
                host_name core1
            }
            define service {
                use svc
                host_name web1,web2
                service_description http
            }
            define service {
                use svc
                host_name web1
                service_description disk
            }
            define service {
                use svc
                host_name lb1,core1
                service_description ping
            }
            define service {
                use svc
                host_name db1
                service_description mysql
                _WORKER local
            }
            define service {
                use svc
                host_name db1
                service_description disk
            }
            define service {
                use svc
                host_name db2
                service_description mysql
                _worker svcqueue
            }
            """;

    @TempDir
    Path dir;
    ObjectModel model;

    @BeforeEach
    void load() throws IOException {
        model = RoutingFixture.model(dir, OBJECTS);
    }

    private QueueRouter router(Consumer<RoutingFixture.Conf> change) {
        RoutingFixture.Conf conf = new RoutingFixture.Conf();
        change.accept(conf);
        return QueueRouter.of(model, conf.settings());
    }

    private static CheckSubject host(String name) {
        return CheckSubject.host(name);
    }

    private static CheckSubject svc(String host, String description) {
        return CheckSubject.service(host, description);
    }

    @Test
    void byDefaultHostsGoToHostAndServicesToService() {
        QueueRouter r = router(c -> { });
        assertThat(r.queueFor(host("core1"))).contains("host");
        assertThat(r.queueFor(svc("core1", "ping"))).contains("service");
        assertThat(r.queueFor(svc("db1", "mysql"))).contains("service"); // no queue_custom_variable: _WORKER unread
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void theFirstHostgroupInTheSettingsOrderWinsNotTheHostsOwnOrder() {
        QueueRouter dmzFirst = router(c -> c.hostgroups = List.of("dmz", "web"));
        assertThat(dmzFirst.queueFor(host("web2"))).contains("hostgroup_dmz");
        assertThat(dmzFirst.queueFor(host("web1"))).contains("hostgroup_web");
        QueueRouter webFirst = router(c -> c.hostgroups = List.of("web", "dmz"));
        assertThat(webFirst.queueFor(host("web2"))).contains("hostgroup_web");
        assertThat(webFirst.queueFor(host("lb1"))).contains("hostgroup_dmz"); // member by the group's members line
    }

    @Test
    void aServiceFollowsItsHostsHostgroup() {
        QueueRouter r = router(c -> c.hostgroups = List.of("web"));
        assertThat(r.queueFor(svc("web1", "disk"))).contains("hostgroup_web");
        assertThat(r.queueFor(svc("web2", "http"))).contains("hostgroup_web");
        assertThat(r.queueFor(svc("core1", "ping"))).contains("service");
    }

    @Test
    void nestedHostgroupsCountTheirMembersHosts() {
        QueueRouter r = router(c -> c.hostgroups = List.of("all-web"));
        assertThat(r.queueFor(host("web1"))).contains("hostgroup_all-web");
        assertThat(r.queueFor(svc("web2", "http"))).contains("hostgroup_all-web");
        assertThat(r.queueFor(host("lb1"))).contains("host");
    }

    @Test
    void servicegroupsComeBeforeHostgroupsAndOnlyForServices() {
        QueueRouter r = router(c -> {
            c.hostgroups = List.of("web");
            c.servicegroups = List.of("ssl");
        });
        assertThat(r.queueFor(svc("web1", "http"))).contains("servicegroup_ssl");
        assertThat(r.queueFor(svc("web1", "disk"))).contains("hostgroup_web");
        assertThat(r.queueFor(svc("lb1", "ping"))).contains("servicegroup_ssl");
        assertThat(r.queueFor(host("lb1"))).contains("host");
    }

    @Test
    void localServicegroupsBeatEveryQueueButLeaveTheHostCheck() {
        QueueRouter r = router(c -> {
            c.hostgroups = List.of("web");
            c.servicegroups = List.of("ssl");
            c.localServicegroups = List.of("ssl");
        });
        assertThat(r.queueFor(svc("web1", "http"))).isEmpty();
        assertThat(r.queueFor(svc("lb1", "ping"))).isEmpty();
        assertThat(r.queueFor(svc("web1", "disk"))).contains("hostgroup_web");
        assertThat(r.queueFor(host("web1"))).contains("hostgroup_web");
    }

    @Test
    void localHostgroupsKeepTheHostAndItsServicesBeforeServicegroups() {
        QueueRouter r = router(c -> {
            c.servicegroups = List.of("ssl");
            c.localHostgroups = List.of("web");
        });
        assertThat(r.queueFor(host("web1"))).isEmpty();
        assertThat(r.queueFor(svc("web1", "http"))).isEmpty();
        assertThat(r.queueFor(svc("web2", "http"))).isEmpty();
        assertThat(r.queueFor(svc("lb1", "ping"))).contains("servicegroup_ssl");
        assertThat(r.queueFor(host("lb1"))).contains("host");
    }

    @Test
    void theCustomVariableComesFirstServiceBeforeHostAndLocalMeansHere() {
        QueueRouter r = router(c -> {
            c.queueCustomVariable = Optional.of("worker"); // upper-cased as mod_gearman does
            c.localHostgroups = List.of("db");
            c.servicegroups = List.of("ssl");
        });
        assertThat(r.queueFor(host("db1"))).contains("dbqueue"); // beats the local hostgroup
        assertThat(r.queueFor(svc("db1", "disk"))).contains("dbqueue"); // the host's variable
        assertThat(r.queueFor(svc("db1", "mysql"))).isEmpty(); // the service's "local" beats the host's queue
        assertThat(r.queueFor(svc("db2", "mysql"))).contains("svcqueue"); // config variable names are upper-cased
        assertThat(r.queueFor(host("db2"))).isEmpty(); // no variable: the local hostgroup
        assertThat(r.queueFor(svc("web1", "http"))).contains("servicegroup_ssl");
    }

    @Test
    void queuesSetByHandLeaveEverythingElseHere() {
        QueueRouter r = router(c -> {
            c.byHand();
            c.hostgroups = List.of("web");
        });
        assertThat(r.queueFor(host("web1"))).contains("hostgroup_web");
        assertThat(r.queueFor(svc("web1", "disk"))).contains("hostgroup_web");
        assertThat(r.queueFor(host("core1"))).isEmpty();
        assertThat(r.queueFor(svc("core1", "ping"))).isEmpty();
        QueueRouter servicesOnly = router(c -> {
            c.byHand();
            c.services = true;
        });
        assertThat(servicesOnly.queueFor(host("core1"))).isEmpty();
        assertThat(servicesOnly.queueFor(svc("core1", "ping"))).contains("service");
    }

    @Test
    void withoutHostChecksHostsRunHereButTheirEventHandlersStillGo() {
        QueueRouter r = router(c -> {
            c.doHostchecks = false;
            c.hostgroups = List.of("web");
        });
        assertThat(r.queueFor(host("web1"))).isEmpty();
        assertThat(r.queueFor(host("core1"))).isEmpty();
        assertThat(r.queueFor(svc("web1", "disk"))).contains("hostgroup_web");
        assertThat(r.eventHandlerQueueFor(host("web1"))).contains("eventhandler");
        assertThat(r.eventHandlerQueueFor(host("core1"))).contains("eventhandler");
    }

    @Test
    void eventHandlersGoToTheEventhandlerQueueWhenTheirObjectsChecksLeave() {
        QueueRouter r = router(c -> {
            c.byHand();
            c.eventhandler = true;
            c.hostgroups = List.of("web");
        });
        assertThat(r.eventHandlerQueueFor(host("web1"))).contains("eventhandler");
        assertThat(r.eventHandlerQueueFor(svc("web1", "disk"))).contains("eventhandler");
        assertThat(r.eventHandlerQueueFor(host("core1"))).isEmpty(); // its checks run here: so does its handler
        assertThat(r.eventHandlerQueueFor(svc("core1", "ping"))).isEmpty();
        QueueRouter off = router(c -> c.eventhandler = false);
        assertThat(off.eventHandlerQueueFor(host("core1"))).isEmpty();
        assertThat(off.queueFor(host("core1"))).contains("host");
    }

    @Test
    void routedLikeChecksEventHandlersTakeTheGroupOrCustomQueueButNotHostOrService() {
        QueueRouter r = router(c -> {
            c.routeEventhandlerLikeChecks = true;
            c.hostgroups = List.of("web");
            c.servicegroups = List.of("ssl");
            c.queueCustomVariable = Optional.of("WORKER");
        });
        assertThat(r.eventHandlerQueueFor(host("web1"))).contains("hostgroup_web");
        assertThat(r.eventHandlerQueueFor(svc("lb1", "ping"))).contains("servicegroup_ssl");
        assertThat(r.eventHandlerQueueFor(svc("db1", "disk"))).contains("dbqueue");
        assertThat(r.eventHandlerQueueFor(svc("db1", "mysql"))).isEmpty();
        assertThat(r.eventHandlerQueueFor(host("core1"))).contains("eventhandler");
        assertThat(r.eventHandlerQueueFor(svc("core1", "ping"))).contains("eventhandler");
    }

    @Test
    void notificationsGoToTheNotificationQueueWhenTheirObjectsChecksLeave() {
        QueueRouter r = router(c -> {
            c.byHand();
            c.notifications = true;
            c.hostgroups = List.of("web");
        });
        assertThat(r.notificationQueueFor(host("web1"))).contains("notification");
        assertThat(r.notificationQueueFor(svc("web2", "http"))).contains("notification");
        assertThat(r.notificationQueueFor(host("core1"))).isEmpty();
        assertThat(router(c -> { }).notificationQueueFor(host("web1"))).isEmpty(); // notifications=no by default
    }

    @Test
    void groupsTheConfigurationLacksAreWarnedAboutInModGearmansOrderAndMatchNothing() {
        QueueRouter r = router(c -> {
            c.hostgroups = List.of("wbe", "web");
            c.servicegroups = List.of("sll");
            c.localHostgroups = List.of("nope");
            c.localServicegroups = List.of("none");
        });
        assertThat(r.warnings()).containsExactly(
                "Warning: servicegroup 'none' does not exist, possible typo?",
                "Warning: hostgroup 'nope' does not exist, possible typo?",
                "Warning: servicegroup 'sll' does not exist, possible typo?",
                "Warning: hostgroup 'wbe' does not exist, possible typo?");
        assertThat(r.queueFor(host("web1"))).contains("hostgroup_web");
    }

    @Test
    void anObjectTheConfigurationLacksIsAMistakeNotALocalCheck() {
        QueueRouter r = router(c -> { });
        assertThatThrownBy(() -> r.queueFor(host("ghost"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no host 'ghost' in this configuration");
        assertThatThrownBy(() -> r.queueFor(svc("web1", "ghost"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no service 'ghost' on host 'web1' in this configuration");
    }
}
