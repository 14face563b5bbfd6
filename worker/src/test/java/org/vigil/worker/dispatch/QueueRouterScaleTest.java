package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.config.model.ObjectModel;

/**
 * 100,000 services on 10,000 hosts in 40 hostgroups, 20 of them routed and 5 kept local, plus a servicegroup: every
 * service's queue is the one mod_gearman's rules give, worked out once when the router is built.
 */
class QueueRouterScaleTest {

    static final int HOSTS = 10_000;
    static final int SERVICES_PER_HOST = 10;
    static final int GROUPS = 40;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandServicesRouteByMapLookUp() throws Exception {
        ObjectModel model = RoutingFixture.model(dir, objects());
        assertThat(model.services()).hasSize(HOSTS * SERVICES_PER_HOST);
        RoutingFixture.Conf conf = new RoutingFixture.Conf();
        for (int g = 0; g < 20; g++) {
            conf.hostgroups.add("g" + g);
        }
        conf.localHostgroups.addAll(List.of("g35", "g36", "g37", "g38", "g39"));
        conf.servicegroups.add("svc7");

        long built = System.nanoTime();
        QueueRouter router = QueueRouter.of(model, conf.settings());
        long buildMs = (System.nanoTime() - built) / 1_000_000;

        List<CheckSubject> subjects = new ArrayList<>(HOSTS * SERVICES_PER_HOST);
        for (int h = 0; h < HOSTS; h++) {
            for (int s = 0; s < SERVICES_PER_HOST; s++) {
                subjects.add(CheckSubject.service(host(h), "svc" + s));
            }
        }
        long asked = System.nanoTime();
        List<Optional<String>> queues = new ArrayList<>(subjects.size());
        for (CheckSubject subject : subjects) {
            queues.add(router.queueFor(subject));
        }
        long askNs = (System.nanoTime() - asked) / subjects.size();
        System.out.printf("QueueRouter: built for %,d services in %d ms; %d ns per queueFor%n", subjects.size(),
                buildMs, askNs);

        for (int i = 0; i < subjects.size(); i++) {
            int h = i / SERVICES_PER_HOST;
            int s = i % SERVICES_PER_HOST;
            int group = h % GROUPS;
            Optional<String> expected = group >= 35 ? Optional.empty()
                    : s == 7 ? Optional.of("servicegroup_svc7")
                    : group < 20 ? Optional.of("hostgroup_g" + group) : Optional.of("service");
            assertThat(queues.get(i)).as(subjects.get(i).toString()).isEqualTo(expected);
        }
    }

    private static String host(int h) {
        return String.format("host%05d", h);
    }

    /** Each host in group {@code h % 40}; service svc7 of every host in servicegroup svc7. */
    private static String objects() {
        StringBuilder b = new StringBuilder("""
                define command {
                    command_name check
                    command_line /bin/true
                }
                define contact {
                    contact_name admin
                    host_notification_commands check
                    service_notification_commands check
                }
                define servicegroup {
                    servicegroup_name svc7
                }
                """);
        for (int g = 0; g < GROUPS; g++) {
            b.append("define hostgroup {\n hostgroup_name g").append(g).append("\n}\n");
        }
        for (int h = 0; h < HOSTS; h++) {
            b.append("define host {\n host_name ").append(host(h)).append("\n hostgroups g").append(h % GROUPS)
                    .append("\n check_command check\n max_check_attempts 1\n contacts admin\n}\n");
        }
        for (int s = 0; s < SERVICES_PER_HOST; s++) {
            b.append("define service {\n hostgroup_name ");
            for (int g = 0; g < GROUPS; g++) {
                b.append(g == 0 ? "" : ",").append('g').append(g);
            }
            b.append("\n service_description svc").append(s).append(s == 7 ? "\n servicegroups svc7" : "")
                    .append("\n check_command check\n max_check_attempts 1\n contacts admin\n}\n");
        }
        return b.toString();
    }
}
