package org.vigil.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.engine.state.ServiceStatus;

/**
 * Sweeps on a running daemon with real plugins: Debian's check_dummy, a plugin that fails on purpose, one whose
 * state a file sets, and a slow one that counts its runs. interval_length=1, so the regular schedule is seconds.
 */
class SweepDaemonTest {

    private static final Path PLUGINS = Path.of("/usr/lib/nagios/plugins");

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws IOException {
        assertThat(PLUGINS.resolve("check_dummy")).as("install monitoring-plugins-basic (bin/test does)").exists();
        script("disk.sh", "#!/bin/sh\necho 'DISK CRITICAL - /var is 99% full'\nexit 2\n");
        script("flip.sh", "#!/bin/sh\ns=$(cat " + dir.resolve("state") + ")\necho \"FLIP $s\"\nexit $s\n");
        script("slow.sh", "#!/bin/sh\necho run >> " + dir.resolve("runs-$1") + "\nsleep $2\necho \"SLOW OK $1\"\n");
        Files.writeString(dir.resolve("state"), "0");
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                resource_file=resource.cfg
                log_file=var/nagios.log
                interval_length=1
                max_concurrent_checks=4
                log_service_retries=1
                illegal_macro_output_chars=`~$&|'"<>
                """);
        Files.writeString(dir.resolve("resource.cfg"), "$USER1$=" + PLUGINS + "\n$USER2$=" + dir + "\n");
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line $USER1$/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                    command_name disk
                    command_line $USER2$/disk.sh
                }
                define command {
                    command_name flip
                    command_line $USER2$/flip.sh
                }
                define command {
                    command_name slow
                    command_line $USER2$/slow.sh $ARG1$ $ARG2$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define hostgroup {
                    hostgroup_name web
                    members h1,h2
                }
                define servicegroup {
                    servicegroup_name storage
                    members h2,disk
                }
                define service {
                    name generic
                    max_check_attempts 3
                    check_interval 3600
                    retry_interval 1
                    contacts admin
                    register 0
                }
                define service {
                    use generic
                    host_name h1,h2,h3
                    service_description ping
                    check_command check_dummy!0!pong
                }
                define service {
                    use generic
                    host_name h2
                    service_description disk
                    check_command disk
                }
                define service {
                    use generic
                    host_name h3
                    service_description load
                    check_command check_dummy!1!load is high
                }
                define service {
                    use generic
                    host_name h1
                    service_description flip
                    check_command flip
                }
                define service {
                    use generic
                    host_name h3
                    service_description off
                    check_command check_dummy!0
                    active_checks_enabled 0
                }
                """);
        for (String h : List.of("h1", "h2", "h3")) {
            objects.append("""
                    define host {
                        host_name %s
                        check_command check_dummy!0!up
                        max_check_attempts 1
                        check_interval 3600
                        contacts admin
                    }
                    """.formatted(h));
        }
        for (int i = 1; i <= 6; i++) {
            objects.append("""
                    define service {
                        use generic
                        host_name h4
                        service_description slow%d
                        check_command slow!s%d!%s
                    }
                    """.formatted(i, i, i == 1 ? "1.5" : "1"));
        }
        objects.append("define host {\n host_name h4\n max_check_attempts 1\n contacts admin\n}\n");
        Files.writeString(dir.resolve("objects.cfg"), objects.toString());
    }

    private void script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Daemon daemon() throws IOException {
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        Daemon d = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        d.start();
        return d;
    }

    private static SweepRequest request(Map<String, List<String>> params) {
        SweepRequest.Parsed p = SweepRequest.parse(params);
        assertThat(p.errors()).isEmpty();
        return p.request().orElseThrow();
    }

    private static SweepSummary run(Daemon d, SweepRequest r) throws InterruptedException {
        Sweep s = d.sweeps().start(r).sweep().orElseThrow();
        assertThat(s.await(Duration.ofSeconds(30))).as("the sweep ends").isTrue();
        return s.summary().orElseThrow();
    }

    @Test
    void sweepsAHostGroupRunsRealPluginsAndTheRegularScheduleGoesOn() throws Exception {
        try (Daemon d = daemon()) {
            Instant before = Instant.now();
            SweepSummary s = run(d, request(Map.of("hostgroup", List.of("web"))));
            // h1, h2 and their services: host checks included, h3 and h4 not; nothing was skipped in web
            assertThat(s.progress().phase()).isEqualTo(SweepProgress.Phase.FINISHED);
            assertThat(s.progress().total()).isEqualTo(2 + 4);
            assertThat(s.progress().done()).isEqualTo(6);
            assertThat(s.hosts()).isEqualTo(2);
            assertThat(s.problems()).extracting(SweepResult::name, SweepResult::state, SweepResult::stateType,
                            SweepResult::output)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("h2/disk", "CRITICAL", "SOFT",
                            "DISK CRITICAL - /var is 99% full"));
            assertThat(s.progress().problemsByState()).isEqualTo(Map.of("CRITICAL", 1));
            assertThat(s.progress().problemsByHost()).isEqualTo(Map.of("h2", 1));
            // first results after PENDING are not changes
            assertThat(s.changed()).isEmpty();
            assertThat(s.problems().get(0).previousState()).isEqualTo("PENDING");
            assertThat(SweepReport.text(s)).containsExactly(
                    "Sweep 1 (hostgroup=web): ran 6 of 6 checks on 2 hosts in " + String.format(java.util.Locale.ROOT,
                            "%.2f", s.progress().elapsed().toNanos() / 1e9) + " s; 1 not OK, 0 changed",
                    "",
                    "CRITICAL h2/disk  DISK CRITICAL - /var is 99% full",
                    "",
                    "not OK by state: CRITICAL 1",
                    "not OK by host:  h2 1");
            assertThat(SweepReport.json(s)).contains("\"not_ok\":[{\"host\":\"h2\",\"service\":\"disk\","
                    + "\"state\":\"CRITICAL\",\"state_type\":\"SOFT\",\"output\":\"DISK CRITICAL - /var is 99% full\"");

            // a real result: the state machine goes on from it on the regular schedule; the soft problem is
            // retried every second until HARD, the OK ones are next due one check_interval after the sweep
            Engine e = d.engine();
            ServiceStatus ping = e.call(() -> (ServiceStatus) e.statusOf(e.serviceTarget(new ServiceKey("h1",
                    "ping")).orElseThrow()));
            Instant next = e.call(ping::nextCheck);
            assertThat(next).isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3601));
            await(() -> read(dir.resolve("var/nagios.log")).contains("SERVICE ALERT: h2;disk;CRITICAL;HARD;3;"));
            assertThat(read(dir.resolve("var/nagios.log"))).contains("SERVICE ALERT: h2;disk;CRITICAL;SOFT;1;",
                    "SERVICE ALERT: h2;disk;CRITICAL;SOFT;2;");

            // the second sweep marks only what changed since the previous result
            Files.writeString(dir.resolve("state"), "2");
            SweepSummary again = run(d, request(Map.of("host", List.of("h1", "h3"))));
            assertThat(again.changed()).extracting(SweepResult::name, SweepResult::previousState, SweepResult::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("h1/flip", "OK", "CRITICAL"));
            assertThat(SweepReport.text(again)).contains("CRITICAL h1/flip  FLIP 2  [changed: was OK]");
            assertThat(again.skipped()).containsExactly("h3/off: active checks are disabled");
            assertThat(again.problems()).extracting(SweepResult::name).containsExactly("h1/flip", "h3/load");

            // state=problem and a service pattern: only the objects not OK now
            SweepSummary problems = run(d, request(Map.of("state", List.of("problem"))));
            assertThat(problems.progress().total()).isEqualTo(3);
            assertThat(problems.problems()).extracting(SweepResult::name)
                    .containsExactly("h1/flip", "h2/disk", "h3/load");
            assertThat(run(d, request(Map.of("service", List.of("/^(disk|load)$/")))).progress().total()).isEqualTo(2);
            assertThat(run(d, request(Map.of("service", List.of("p?ng"), "host", List.of("h2"))))
                    .problems()).isEmpty();
            assertThat(run(d, request(Map.of("servicegroup", List.of("storage")))).progress().total()).isEqualTo(1);
        }
    }

    @Test
    void aRunningCheckIsNotStartedTwiceAndOverlappingSweepsShareIt() throws Exception {
        try (Daemon d = daemon()) {
            long ts = Instant.now().getEpochSecond();
            d.commands().submitLine("[" + ts + "] SCHEDULE_FORCED_SVC_CHECK;h4;slow1;" + ts);
            await(() -> runs("s1") == 1); // running now, for 1.5 s
            Sweep a = d.sweeps().start(request(Map.of("service", List.of("slow1")))).sweep().orElseThrow();
            Sweep b = d.sweeps().start(request(Map.of("host", List.of("h4")))).sweep().orElseThrow();
            assertThat(a.await(Duration.ofSeconds(30))).isTrue();
            assertThat(b.await(Duration.ofSeconds(30))).isTrue();
            assertThat(runs("s1")).as("slow1 ran once for the forced check and both sweeps").isEqualTo(1);
            for (int i = 2; i <= 6; i++) {
                assertThat(runs("s" + i)).as("slow" + i).isEqualTo(1);
            }
            assertThat(a.summary().orElseThrow().progress().done()).isEqualTo(1);
            assertThat(b.summary().orElseThrow().progress().done()).isEqualTo(6);
            assertThat(b.summary().orElseThrow().problems()).isEmpty();
            Engine e = d.engine();
            assertThat(e.call(() -> e.statusOf(e.serviceTarget(new ServiceKey("h4", "slow1")).orElseThrow())
                    .pluginOutput())).isEqualTo("SLOW OK s1");
        }
    }

    @Test
    void aCancelledSweepStartsNothingMore() throws Exception {
        try (Daemon d = daemon()) {
            Sweep s = d.sweeps().start(request(Map.of("host", List.of("h4")))).sweep().orElseThrow();
            await(() -> runs("s1") + runs("s2") + runs("s3") + runs("s4") >= 4); // the pool's 4 are running
            assertThat(d.sweeps().cancel(s.id())).isTrue();
            assertThat(s.await(Duration.ofSeconds(1))).isTrue();
            SweepSummary sum = s.summary().orElseThrow();
            assertThat(sum.progress().phase()).isEqualTo(SweepProgress.Phase.CANCELLED);
            assertThat(sum.notStarted()).containsExactly("h4/slow5: cancelled", "h4/slow6: cancelled");
            assertThat(SweepReport.text(sum).get(0)).contains("cancelled after");
            assertThat(d.engine().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(runs("s5") + runs("s6")).as("nothing started after the cancel").isZero();
            assertThat(d.sweeps().cancel(s.id())).as("over already").isFalse();
        }
    }

    @Test
    void aSweepRunningWhenTheMonitorStopsEnds() throws Exception {
        Sweep s;
        try (Daemon d = daemon()) {
            s = d.sweeps().start(request(Map.of("host", List.of("h4")))).sweep().orElseThrow();
            await(() -> runs("s1") + runs("s2") + runs("s3") + runs("s4") >= 4);
        }
        assertThat(s.await(Duration.ofSeconds(1))).as("nobody waits forever on a stopped monitor").isTrue();
        // the four running finished during close; the other two were never started
        assertThat(s.summary().orElseThrow().progress().done()).isEqualTo(6);
        assertThat(s.summary().orElseThrow().notStarted()).containsExactly(
                "h4/slow5: the engine is stopping or reloading", "h4/slow6: the engine is stopping or reloading");
        assertThat(runs("s5") + runs("s6")).isZero();
    }

    @Test
    void aSweepRunningDuringAReloadEndsWithTheCarriedResults() throws Exception {
        try (Daemon d = daemon()) {
            Sweep s = d.sweeps().start(request(Map.of("host", List.of("h4")))).sweep().orElseThrow();
            await(() -> runs("s1") + runs("s2") + runs("s3") + runs("s4") >= 4);
            d.reload("test reload");
            assertThat(s.await(Duration.ofSeconds(10))).isTrue();
            SweepSummary sum = s.summary().orElseThrow();
            // the four running were handed to the new engine with their results; the old one started no more
            assertThat(sum.progress().done()).isEqualTo(6);
            assertThat(sum.problems()).extracting(SweepResult::name, SweepResult::ran).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("h4/slow5", false),
                    org.assertj.core.groups.Tuple.tuple("h4/slow6", false));
            // the new engine applied the carried results, and takes new sweeps
            Engine e = d.engine();
            await(() -> "SLOW OK s2".equals(e.call(() -> e.statusOf(e.serviceTarget(new ServiceKey("h4", "slow2"))
                    .orElseThrow()).pluginOutput())));
            SweepSummary after = run(d, request(Map.of("service", List.of("slow?"),
                    "host", List.of("h4"))));
            assertThat(after.progress().done()).isEqualTo(6);
            assertThat(after.problems()).isEmpty();
            assertThat(after.progress().id()).isEqualTo(2);
        }
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        assertThat(SweepRequest.parse(Map.of("state", List.of("bad"), "colour", List.of("x"))).errors())
                .containsExactlyInAnyOrder("state: unknown value 'bad' (expected problem or all)",
                        "unknown parameter 'colour' (expected host, hostgroup, servicegroup, service or state)");
        assertThat(SweepRequest.parse(Map.of("service", List.of("/(/"))).errors().get(0))
                .startsWith("service: bad regular expression /(/");
        try (Daemon d = daemon()) {
            Sweeps.Start start = d.sweeps().start(request(Map.of("hostgroup", List.of("wbe"), "host",
                    List.of("h9"))));
            assertThat(start.sweep()).isEmpty();
            assertThat(start.errors()).containsExactly("host: no host named 'h9' (did you mean 'h1'?)",
                    "hostgroup: no host group named 'wbe' (did you mean 'web'?)");
        }
    }

    private int runs(String name) {
        try {
            Path p = dir.resolve("runs-" + name);
            return Files.exists(p) ? Files.readAllLines(p).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
