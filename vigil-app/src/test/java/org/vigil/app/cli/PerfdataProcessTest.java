package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vigil run} whose perfdata file processing command hangs: it is killed at {@code perfdata_timeout}
 * with Nagios's warning, the file is opened again after it, and the checks keep their one-second pace meanwhile
 * (in Nagios 4.4.6 the processing command holds up the main loop until it ends or times out; in Vigil the file has
 * a thread of its own).
 */
class PerfdataProcessTest {

    private static final int SERVICES = 5;

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_reload_hands_the_file_over_without_a_hole_or_a_gap() throws Exception {
        Path var = Files.createDirectories(dir.resolve("var"));
        Files.createDirectories(var.resolve("spool"));
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                lock_file=var/vigil.lock
                state_retention_file=var/retention.dat
                interval_length=1
                process_performance_data=1
                service_perfdata_file=%s
                service_perfdata_file_template=$SERVICEDESC$\\t$LASTSERVICECHECK$\\t$SERVICEPERFDATA$
                service_perfdata_file_mode=w
                """.formatted(var.resolve("perf")));
        Files.writeString(dir.resolve("objects.cfg"), objects("/bin/true"));
        Path out = start();
        awaitOutput(out, "starting... (PID=", 0);
        Thread.sleep(3000);
        new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor();
        awaitOutput(out, "starting... (PID=", 1);
        Thread.sleep(4000);
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("vigil stops").isTrue();

        byte[] bytes = Files.readAllBytes(var.resolve("perf"));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).as("the file after a reload")
                .doesNotContain("\0");
        // mode w: the new engine's file starts afresh at its first line, as after Nagios's restart; its lines follow
        // each other at the checks' pace
        Map<String, List<Long>> checks = checkTimes(var);
        assertThat(checks).hasSize(SERVICES);
        checks.forEach((service, times) -> {
            assertThat(times.size()).as("results of %s", service).isGreaterThanOrEqualTo(3);
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1)).as("seconds between checks of %s: %s", service, times)
                        .isLessThanOrEqualTo(2);
            }
        });
    }

    @Test
    void a_slow_processing_command_is_killed_at_perfdata_timeout_and_checks_keep_their_pace() throws Exception {
        Path var = Files.createDirectories(dir.resolve("var"));
        Files.createDirectories(var.resolve("spool"));
        Path script = dir.resolve("process-perfdata");
        // moves the file away as PNP's command does, then hangs far beyond perfdata_timeout: with a timeout of 3 s
        // every 2 s, a processing that held up the checks (as Nagios's does) would leave gaps of 3 s and more
        Files.writeString(script, "#!/bin/sh\nmv " + var.resolve("perf") + " " + var.resolve("spool") + "/perf.$1\n"
                + "echo $$ >> " + var.resolve("pids") + "\nexec sleep 60\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                lock_file=var/vigil.lock
                status_file=var/status.dat
                status_update_interval=1
                state_retention_file=var/retention.dat
                interval_length=1
                process_performance_data=1
                perfdata_timeout=3
                service_perfdata_file=%s
                service_perfdata_file_template=$SERVICEDESC$\\t$LASTSERVICECHECK$\\t$SERVICEPERFDATA$
                service_perfdata_file_mode=a
                service_perfdata_file_processing_interval=2
                service_perfdata_file_processing_command=process-perfdata
                """.formatted(var.resolve("perf")));
        Files.writeString(dir.resolve("objects.cfg"), objects(script.toString()));
        Path out = start();
        awaitOutput(out, "Warning: Service performance data file processing command '" + script + " ", 2);
        Thread.sleep(1500); // one more line per service after the last reopening
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("vigil stops").isTrue();
        String output = Files.readString(out);

        assertThat(output).containsPattern("Warning: Service performance data file processing command '"
                + Pattern.quote(script.toString()) + " \\d+' timed out after 3 seconds");
        for (String pid : Files.readAllLines(var.resolve("pids"))) {
            assertThat(ProcessHandle.of(Long.parseLong(pid.strip())).map(ProcessHandle::isAlive).orElse(false))
                    .as("processing command %s killed", pid).isFalse();
        }
        Map<String, List<Long>> checks = checkTimes(var);
        assertThat(checks).hasSize(SERVICES);
        for (var e : checks.entrySet()) {
            List<Long> times = e.getValue();
            assertThat(times.size()).as("results of %s", e.getKey()).isGreaterThanOrEqualTo(8);
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1)).as("seconds between checks of %s: %s", e.getKey(), times)
                        .isLessThanOrEqualTo(2);
            }
        }
        String status = Files.readString(var.resolve("status.dat"));
        assertThat(status).contains("\tprocess_performance_data=1\n");
    }

    /** A host and {@link #SERVICES} services checked every second, and the command {@code process-perfdata}. */
    private static String objects(String processing) {
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                    command_name process-perfdata
                    command_line %s $TIMET$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0!sent
                    service_notification_commands check_dummy!0!sent
                }
                define host {
                    host_name local
                    max_check_attempts 1
                    check_command check_dummy!0!up
                    contacts admin
                }
                """.formatted(processing));
        for (int i = 0; i < SERVICES; i++) {
            objects.append("""
                    define service {
                        host_name local
                        service_description s%d
                        check_command check_dummy!0!OK | value=%d
                        max_check_attempts 1
                        check_interval 1
                        retry_interval 1
                        contacts admin
                    }
                    """.formatted(i, i));
        }
        return objects.toString();
    }

    /** Starts vigil run on {@code nagios.cfg} in the test's directory; its output goes to the returned file. */
    private Path start() throws IOException {
        Path out = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--no-web", dir.resolve("nagios.cfg").toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return out;
    }

    private void awaitOutput(Path out, String text, int moreThan) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(Files.readString(out), text) <= moreThan) {
            assertThat(System.nanoTime()).as("waiting for " + text + "; output: " + Files.readString(out))
                    .isLessThan(deadline);
            assertThat(process.isAlive()).as("vigil runs; output: " + Files.readString(out)).isTrue();
            Thread.sleep(100);
        }
    }

    /** Each service's check times, from the lines of every moved file and of the file itself. */
    private static Map<String, List<Long>> checkTimes(Path var) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(var.resolve("spool"))) {
            s.sorted().forEach(files::add);
        }
        if (Files.exists(var.resolve("perf"))) {
            files.add(var.resolve("perf"));
        }
        Map<String, List<Long>> out = new TreeMap<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                String[] fields = line.split("\t");
                assertThat(fields).as("line %s of %s", line, f).hasSize(3);
                out.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(Long.parseLong(fields[1]));
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
