package org.vigil.engine.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.engine.state.ServiceStatus;

/**
 * The Must-show reload under load: 2,000 services checked every 10 s by a scripted plugin that records each run;
 * a changed config is dropped in (one host removed, one added, one service's command changed) and reloaded, then
 * a broken one. Untouched services keep their state, attempts and schedule, every check runs once per interval
 * across the reload (none lost, none doubled), the changed service runs its new command, and the broken config
 * is rejected with file:line while the old one keeps running.
 */
class ReloadUnderLoadTest {

    private static final int HOSTS = 20;
    private static final int SERVICES_PER_HOST = 100;
    private static final long INTERVAL_MS = 10_000;

    @TempDir
    Path dir;

    /** A service's status at one moment, as far as a reload must keep it. */
    private record Seen(String state, String type, int attempt, Instant lastCheck, Instant nextCheck, String output,
                        boolean checked) {
        static Seen of(ServiceStatus s) {
            return new Seen(s.currentState().name(), s.stateType().name(), s.currentAttempt(), s.lastCheck(),
                    s.nextCheck(), s.pluginOutput(), s.hasBeenChecked());
        }
    }

    @Test
    void reloadUnderLoadKeepsStateAndScheduleAndRejectsABrokenConfig() throws Exception {
        writeConfig();
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path nagiosLog = dir.resolve("var/nagios.log");
        try (RunLog runs = new RunLog(dir.resolve("runs.log"));
             Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(console, true, StandardCharsets.UTF_8))) {
            daemon.start();
            waitFor(() -> services(daemon.engine()).values().stream().allMatch(Seen::checked), 60_000,
                    "every service checked once");

            // the changed config: h19 removed, h20 added, h00;s001 checked by another command
            Files.delete(dir.resolve("conf.d/h19.cfg"));
            Files.writeString(dir.resolve("conf.d/h20.cfg"), host("h20", 5));
            Files.writeString(dir.resolve("conf.d/h00.cfg"), host("h00", SERVICES_PER_HOST)
                    .replace("service_description s001\n    check_command count!0", "service_description s001\n"
                            + "    check_command count_new!0"));
            Engine oldEngine = daemon.engine();
            Map<String, Seen> before = services(oldEngine);
            long reloadStart = System.currentTimeMillis();
            ReloadResult result = daemon.reload("Caught SIGHUP, restarting...");
            long reloadEnd = System.currentTimeMillis();
            assertThat(result.applied()).as(result.errors().toString()).isTrue();
            Engine newEngine = daemon.engine();
            assertThat(newEngine).isNotSameAs(oldEngine);
            Map<String, Seen> after = services(newEngine);

            // objects follow the config; untouched ones keep their state
            assertThat(after.keySet()).noneMatch(k -> k.startsWith("h19;")).contains("h20;s000", "h20;s004");
            assertThat(after.get("h20;s000").checked()).isFalse();
            int unchanged = 0;
            for (Map.Entry<String, Seen> e : before.entrySet()) {
                if (e.getKey().startsWith("h19;") || e.getKey().equals("h00;s001")) {
                    continue;
                }
                Seen was = e.getValue();
                Seen now = after.get(e.getKey());
                assertThat(now.checked()).as(e.getKey()).isTrue();
                if (now.lastCheck().equals(was.lastCheck())) {
                    if (was.nextCheck().isBefore(Instant.ofEpochMilli(reloadEnd))) {
                        // it came due while the reload ran: it runs at once, not a whole interval later
                        assertThat(now.nextCheck()).as(e.getKey()).isBetween(was.nextCheck(),
                                Instant.ofEpochMilli(reloadEnd + 1));
                        now = new Seen(now.state(), now.type(), now.attempt(), now.lastCheck(), was.nextCheck(),
                                now.output(), now.checked());
                    }
                    assertThat(now).as(e.getKey() + " untouched across the reload").isEqualTo(was);
                    unchanged++;
                } else { // it ran while the new config was loaded: later, never reset
                    assertThat(now.lastCheck()).as(e.getKey()).isAfter(was.lastCheck());
                    assertThat(now.state()).as(e.getKey()).isEqualTo(was.state());
                    assertThat(now.attempt()).as(e.getKey()).isGreaterThanOrEqualTo(was.attempt());
                }
            }
            assertThat(unchanged).as("services compared field by field").isGreaterThan(1000);

            // a broken config in the middle of the next interval: rejected, the new engine keeps running
            Thread.sleep(4_000);
            Files.writeString(dir.resolve("conf.d/broken.cfg"), """
                    define service {
                        use                 tmpl
                        host_name           nosuchhost
                        service_description x
                        check_command       count!0
                    }
                    """);
            ReloadResult rejected = daemon.reload("Caught SIGHUP, restarting...");
            assertThat(rejected.applied()).isFalse();
            assertThat(rejected.errors()).anyMatch(e -> e.contains("broken.cfg:3: error:") && e.contains("nosuchhost"));
            assertThat(daemon.engine()).isSameAs(newEngine);
            assertThat(daemon.lastRejectedReload()).contains(rejected);
            waitFor(() -> read(dir.resolve("var/status.dat")).contains("last_reload_status=rejected"), 5_000,
                    "status.dat shows the rejection");
            assertThat(read(dir.resolve("var/status.dat"))).contains("last_reload_errors=" + rejected.errors().size(),
                    "broken.cfg:3: error:");

            Thread.sleep(INTERVAL_MS + 8_000); // a whole interval after both reloads, plus slack for latency
            long end = System.currentTimeMillis();
            Map<String, List<RunLog.Run>> byObject = runs.byObject();
            checkRuns(byObject, reloadStart, reloadEnd, end);
            assertThat(daemon.engine().metrics()).isNotNull();
        }
        String log = read(nagiosLog);
        assertThat(log).contains("Caught SIGHUP, restarting...", "Error: reload rejected: ",
                "broken.cfg:3: error:", "still running the previous one");
        assertThat(log.split("Vigil " + Daemon.VERSION + " starting", -1)).hasSize(3); // start + the one applied reload
        assertThat(log).doesNotContain("Exception");

        // retention followed the reload: a restart sees the kept, the added, and not the removed objects
        Files.delete(dir.resolve("conf.d/broken.cfg"));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (Daemon restarted = new Daemon(ConfigLoader.load(dir.resolve("nagios.cfg")), Clock.systemUTC(),
                new PrintStream(again, true, StandardCharsets.UTF_8))) {
            restarted.start();
        }
        assertThat(again.toString(StandardCharsets.UTF_8)).contains(
                "INITIAL SERVICE STATE: h00;s000;CRITICAL;", "INITIAL SERVICE STATE: h20;s001;OK;HARD;1;OUT h20:s001")
                .doesNotContain("h19;");
    }

    /** Every service ran once per interval throughout, whatever the reloads; removed and changed ones stop. */
    private static void checkRuns(Map<String, List<RunLog.Run>> byObject, long reloadStart, long reloadEnd, long end) {
        int checked = 0;
        List<String> bad = new java.util.ArrayList<>();
        for (int h = 0; h < HOSTS - 1; h++) {
            for (int s = 0; s < SERVICES_PER_HOST; s++) {
                String object = "h%02d:s%03d".formatted(h, s);
                if (object.equals("h00:s001")) {
                    continue;
                }
                List<RunLog.Run> list = byObject.get(object);
                assertThat(list).as(object).isNotNull().hasSizeGreaterThanOrEqualTo(3);
                for (int i = 1; i < list.size(); i++) {
                    long gap = list.get(i).millis() - list.get(i - 1).millis();
                    if (gap < INTERVAL_MS - 2_500 || gap > INTERVAL_MS + 5_000) {
                        bad.add(object + " run " + i + " gap " + gap + " at " + (list.get(i).millis() - reloadStart)
                                + " ms after the reload started (it took " + (reloadEnd - reloadStart) + " ms)");
                    }
                }
                assertThat(end - list.get(list.size() - 1).millis()).as(object + " still runs").isLessThan(INTERVAL_MS + 5_000);
                checked++;
            }
        }
        assertThat(bad).as("runs not one interval apart (doubled or lost)").isEmpty();
        assertThat(checked).isEqualTo((HOSTS - 1) * SERVICES_PER_HOST - 1);
        // the removed host's services stop with the reload (a check running then may still finish)
        for (int s = 0; s < SERVICES_PER_HOST; s++) {
            List<RunLog.Run> list = byObject.getOrDefault("h19:s%03d".formatted(s), List.of());
            assertThat(list).as("h19 s" + s).allMatch(r -> r.millis() < reloadEnd + 1_000);
        }
        // the changed service: its schedule kept, the new command from then on
        List<RunLog.Run> changed = byObject.get("h00:s001");
        assertThat(changed).filteredOn(r -> r.mark().equals("old")).allMatch(r -> r.millis() < reloadEnd + 1_000);
        List<RunLog.Run> fresh = changed.stream().filter(r -> r.mark().equals("new")).toList();
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(1);
        RunLog.Run lastOld = changed.get(changed.indexOf(fresh.get(0)) - 1);
        assertThat(fresh.get(0).millis() - lastOld.millis()).as("no extra run of the changed service")
                .isGreaterThan(INTERVAL_MS - 2_500);
        // the added host's services run from the reload on
        assertThat(byObject.get("h20:s000")).isNotEmpty().allMatch(r -> r.millis() >= reloadStart);
    }

    private static Map<String, Seen> services(Engine engine) {
        return engine.call(() -> {
            Map<String, Seen> m = new HashMap<>();
            for (ServiceStatus s : engine.services()) {
                m.put(s.hostName() + ";" + s.description(), Seen.of(s));
            }
            return m;
        });
    }

    private void writeConfig() throws IOException {
        Path plugin = dir.resolve("count.sh");
        Files.writeString(plugin, "#!/bin/sh\necho \"$1 $2\" >> " + dir.resolve("runs.log") + "\necho \"OUT $2\"\n"
                + "exit $3\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=commands.cfg
                cfg_dir=conf.d
                log_file=var/nagios.log
                status_file=var/status.dat
                status_update_interval=1
                state_retention_file=var/retention.dat
                interval_length=1
                log_initial_states=1
                illegal_macro_output_chars=`
                """);
        Files.writeString(dir.resolve("commands.cfg"), """
                define command {
                    command_name count
                    command_line %1$s old $HOSTNAME$:$SERVICEDESC$ $ARG1$
                }
                define command {
                    command_name count_new
                    command_line %1$s new $HOSTNAME$:$SERVICEDESC$ $ARG1$
                }
                define contact {
                    contact_name admin
                    host_notification_commands count!0
                    service_notification_commands count!0
                }
                define service {
                    name                tmpl
                    register            0
                    max_check_attempts  4
                    check_interval      10
                    retry_interval      10
                    contacts            admin
                }
                """.formatted(plugin));
        Files.createDirectories(dir.resolve("conf.d"));
        for (int h = 0; h < HOSTS; h++) {
            String name = "h%02d".formatted(h);
            Files.writeString(dir.resolve("conf.d/" + name + ".cfg"), host(name, SERVICES_PER_HOST));
        }
    }

    /** A host and its services; every tenth service is CRITICAL (so SOFT attempts count up), the others OK. */
    private static String host(String name, int services) {
        StringBuilder sb = new StringBuilder("define host {\n    host_name " + name + "\n    max_check_attempts 1\n"
                + "    contacts admin\n}\n");
        for (int s = 0; s < services; s++) {
            sb.append("define service {\n    use tmpl\n    host_name ").append(name)
                    .append("\n    service_description s%03d\n    check_command count!%d\n}\n"
                            .formatted(s, s % 10 == 0 ? 2 : 0));
        }
        return sb.toString();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void waitFor(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
