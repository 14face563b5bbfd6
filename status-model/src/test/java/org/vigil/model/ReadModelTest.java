package org.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.command.CommandType;
import org.vigil.engine.command.ExternalCommand;
import org.vigil.engine.daemon.Daemon;

/**
 * The read model's snapshots, each made from the one before with only the changed objects copied again, are the
 * same as a snapshot made from scratch, whatever the engine went through: passive results, acknowledgements,
 * downtimes, comments, switches, in a random order against a real daemon. Its indexes (state, problem, host,
 * group, contact) hold exactly what a walk over every object finds.
 */
class ReadModelTest {

    private static final String OBJECTS = """
            define command {
                command_name check_dummy
                command_line /bin/true
            }
            define timeperiod {
                timeperiod_name 24x7
                alias           Always
                sunday 00:00-24:00
                monday 00:00-24:00
                tuesday 00:00-24:00
                wednesday 00:00-24:00
                thursday 00:00-24:00
                friday 00:00-24:00
                saturday 00:00-24:00
            }
            define contact {
                contact_name alice
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define contact {
                contact_name bob
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define contactgroup {
                contactgroup_name dba
                alias DBAs
                members bob
            }
            define hostgroup {
                hostgroup_name web
                alias Web
                members web1,web2
            }
            define servicegroup {
                servicegroup_name ports
                alias Ports
                members web1,http,db1,pg
            }
            define host {
                name base-host
                register 0
                check_command check_dummy
                max_check_attempts 2
                active_checks_enabled 0
                check_period 24x7
                notification_period 24x7
            }
            define host {
                use base-host
                host_name web1
                contacts alice
            }
            define host {
                use base-host
                host_name web2
                contacts alice
            }
            define host {
                use base-host
                host_name db1
                contact_groups dba
            }
            define service {
                name base-service
                register 0
                check_command check_dummy
                max_check_attempts 2
                active_checks_enabled 0
                check_period 24x7
                notification_period 24x7
            }
            define service {
                use base-service
                host_name web1,web2
                service_description http
                contacts alice
            }
            define service {
                use base-service
                host_name web1,web2,db1
                service_description disk
            }
            define service {
                use base-service
                host_name db1
                service_description pg
                contact_groups dba
            }
            """;

    private static final String[][] SERVICES = {{"web1", "http"}, {"web2", "http"}, {"web1", "disk"},
        {"web2", "disk"}, {"db1", "disk"}, {"db1", "pg"}};
    private static final String[] HOSTS = {"web1", "web2", "db1"};

    @TempDir
    Path dir;

    @Test
    void snapshotsMadeFromTheLastOneAreTheSameAsOnesMadeFromScratch() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nretain_state_information=0\ncheck_external_commands=0\n");
        Files.writeString(dir.resolve("objects.cfg"), OBJECTS);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))) {
            daemon.start();
            MovingClock clock = new MovingClock(Instant.now());
            StatusSource source = source(daemon);
            ReadModel incremental = new ReadModel(source, clock, Duration.ofSeconds(1));
            Random random = new Random(16);
            for (int step = 0; step < 300; step++) {
                act(daemon, random);
                if (step % 7 == 0) {
                    clock.advance(random.nextInt(5));
                    // the daemon's 1 s downtime tick may fall between two snapshots: then the one after must match
                    StatusSnapshot a = incremental.fresh();
                    StatusSnapshot b = new ReadModel(source, clock, Duration.ofSeconds(1)).fresh();
                    if (!same(a, b)) {
                        a = incremental.fresh();
                    }
                    assertSame(a, b, step);
                    assertIndexes(a);
                }
            }
        }
    }

    @Test
    void aReaderIsServedTheLatestSnapshotWhileItIsYoungAndANewOneAfterAnInvalidation() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nretain_state_information=0\n");
        Files.writeString(dir.resolve("objects.cfg"), OBJECTS);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))) {
            daemon.start();
            MovingClock clock = new MovingClock(Instant.now());
            ReadModel model = new ReadModel(source(daemon), clock, Duration.ofSeconds(1));
            List<StatusSnapshot> warmed = new ArrayList<>();
            model.warmWith(s -> {
                s.derived("problems", x -> x.servicesIn(List.of("PROBLEM")).size());
                warmed.add(s);
            });
            model.warmWith(s -> {
                throw new IllegalStateException("a warmer's failure is the reader's to meet");
            });
            StatusSnapshot first = model.current();
            assertThat(model.current()).isSameAs(first);
            assertThat(warmed).containsExactly(first); // worked out once, before the snapshot was served
            assertThat((Integer) first.derived("problems", x -> -1)).isZero();
            call(daemon, CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "http", "2", "down");
            assertThat(model.current()).isSameAs(first);
            model.invalidate();
            StatusSnapshot second = model.current();
            assertThat(second).isNotSameAs(first);
            assertThat(second.service("web1", "http").orElseThrow().status().state()).isEqualTo("CRITICAL");
            // an unchanged object keeps its view: nothing is copied for it
            assertThat(second.service("db1", "pg").orElseThrow()).isSameAs(first.service("db1", "pg").orElseThrow());
            clock.advance(1);
            assertThat(model.current()).isNotSameAs(second);
            assertThat(warmed).hasSize(3).last().isSameAs(model.current());
            assertThat((Integer) model.current().derived("problems", x -> -1)).isEqualTo(1);
        }
    }

    private static void act(Daemon daemon, Random r) {
        String[] svc = SERVICES[r.nextInt(SERVICES.length)];
        String host = HOSTS[r.nextInt(HOSTS.length)];
        long now = Instant.now().getEpochSecond();
        switch (r.nextInt(12)) {
            case 0, 1, 2, 3 -> call(daemon, CommandType.PROCESS_SERVICE_CHECK_RESULT, svc[0], svc[1],
                    Integer.toString(r.nextInt(4)), "out " + r.nextInt(3) + "|t=" + r.nextInt(9));
            case 4 -> call(daemon, CommandType.PROCESS_HOST_CHECK_RESULT, host, Integer.toString(r.nextInt(3)),
                    "host out");
            case 5 -> call(daemon, CommandType.ACKNOWLEDGE_SVC_PROBLEM, svc[0], svc[1], "1", "0", "1", "ops", "on it");
            case 6 -> call(daemon, CommandType.REMOVE_SVC_ACKNOWLEDGEMENT, svc[0], svc[1]);
            case 7 -> call(daemon, CommandType.SCHEDULE_SVC_DOWNTIME, svc[0], svc[1], Long.toString(now - 1),
                    Long.toString(now + 3600), "1", "0", "0", "ops", "patching");
            case 8 -> call(daemon, CommandType.ADD_HOST_COMMENT, host, "1", "ops", "note " + r.nextInt(5));
            case 9 -> call(daemon, r.nextBoolean() ? CommandType.DISABLE_SVC_NOTIFICATIONS
                    : CommandType.ENABLE_SVC_NOTIFICATIONS, svc[0], svc[1]);
            case 10 -> call(daemon, CommandType.ACKNOWLEDGE_HOST_PROBLEM, host, "2", "0", "1", "ops", "sticky");
            default -> call(daemon, r.nextBoolean() ? CommandType.DISABLE_NOTIFICATIONS
                    : CommandType.ENABLE_NOTIFICATIONS);
        }
    }

    private static void call(Daemon daemon, CommandType type, String... args) {
        // refused commands (an acknowledgement of an OK service) are part of the mix: they must change nothing
        daemon.commands().call(ExternalCommand.of(type, Instant.now(), args));
    }

    private static boolean same(StatusSnapshot a, StatusSnapshot b) {
        try {
            assertSame(a, b, 0);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static void assertSame(StatusSnapshot a, StatusSnapshot b, int step) {
        assertThat(a.takenAt()).isEqualTo(b.takenAt());
        assertThat(a.hosts().stream().map(a::stamp).toList()).as("hosts at step " + step)
                .isEqualTo(b.hosts().stream().map(b::stamp).toList());
        assertThat(a.services().stream().map(a::stamp).toList()).as("services at step " + step)
                .isEqualTo(b.services().stream().map(b::stamp).toList());
        assertThat(a.comments()).isEqualTo(b.comments());
        assertThat(a.downtimes()).isEqualTo(b.downtimes());
        for (StateCounts.Viewer v : List.of(new StateCounts.Viewer(true, null), new StateCounts.Viewer(false, "alice"),
                new StateCounts.Viewer(false, "bob"), new StateCounts.Viewer(false, null))) {
            assertThat(a.counts(v)).as("counts of " + v + " at step " + step).isEqualTo(b.counts(v));
        }
    }

    private static void assertIndexes(StatusSnapshot s) {
        for (String state : List.of("OK", "WARNING", "CRITICAL", "UNKNOWN", "PENDING")) {
            assertThat(s.servicesIn(List.of(state))).as(state)
                    .isEqualTo(s.services().stream().filter(v -> v.status().state().equals(state)).toList());
        }
        assertThat(s.servicesIn(List.of("problem"))).isEqualTo(s.services().stream()
                .filter(v -> v.status().problem()).toList());
        assertThat(s.servicesIn(List.of("CRITICAL", "PROBLEM", "OK"))).isEqualTo(s.services().stream()
                .filter(v -> v.status().problem() || v.status().state().equals("OK")).toList());
        assertThat(s.hostsIn(List.of("PROBLEM", "UP"))).isEqualTo(s.hosts().stream()
                .filter(h -> h.status().problem() || h.status().state().equals("UP")).toList());
        assertThat(s.servicesOf("web2")).extracting(ServiceView::description).containsExactly("disk", "http");
        assertThat(s.servicesOfHostGroup("web")).isEqualTo(s.services().stream()
                .filter(v -> v.hostgroups().contains("web")).toList());
        assertThat(s.servicesOfServiceGroup("ports")).isEqualTo(s.services().stream()
                .filter(v -> v.servicegroups().contains("ports")).toList());
        assertThat(s.hostsOfHostGroup("web")).extracting(HostView::name).containsExactly("web1", "web2");
        for (String contact : List.of("alice", "bob")) {
            assertThat(s.hostsOfContact(contact)).isEqualTo(s.hosts().stream()
                    .filter(h -> h.contacts().contains(contact)).toList());
            assertThat(s.servicesOfContact(contact)).isEqualTo(s.services().stream()
                    .filter(v -> v.contacts().contains(contact)
                            || s.host(v.host()).orElseThrow().contacts().contains(contact)).toList());
        }
        assertThat(s.hostsOfContact("nobody")).isEmpty();
    }

    private static StatusSource source(Daemon daemon) {
        return new StatusSource() {
            @Override
            public Engine engine() {
                return daemon.engine();
            }

            @Override
            public Instant started() {
                return daemon.started();
            }

            @Override
            public List<String> lastRejectedReloadErrors() {
                return new ArrayList<>();
            }
        };
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
