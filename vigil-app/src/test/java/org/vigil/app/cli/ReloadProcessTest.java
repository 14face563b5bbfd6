package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vigil run} process reloaded three ways: {@code vigil reload} (verify, then SIGHUP to the PID in
 * lock_file), a bare SIGHUP with a broken config (rejected, the monitor runs on), and {@code --watch} with files
 * dropped into a cfg_dir (one debounced reload for several files).
 */
class ReloadProcessTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private void config() throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                cfg_dir=conf.d
                log_file=var/nagios.log
                lock_file=var/vigil.lock
                status_file=var/status.dat
                status_update_interval=1
                state_retention_file=var/retention.dat
                interval_length=1
                log_initial_states=1
                illegal_macro_output_chars=`
                """);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ state$ARG1$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define host {
                    host_name local
                    max_check_attempts 1
                    contacts admin
                }
                """ + service("kept", 2));
        Files.createDirectories(dir.resolve("conf.d"));
    }

    private static String service(String name, int state) {
        return """
                define service {
                    host_name local
                    service_description %s
                    check_command check_dummy!%d
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                """.formatted(name, state);
    }

    private void start(String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dvigil.watch.debounce.ms=1000", "-cp",
                System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil", "run"));
        command.addAll(List.of(options));
        command.add(dir.resolve("nagios.cfg").toString());
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
    }

    private String log() throws IOException {
        Path log = dir.resolve("var/nagios.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void waitFor(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what + "; output: " + Files.readString(dir.resolve("out.txt")))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private boolean logContains(String text) {
        try {
            return log().contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private int vigil(String... args) {
        return Vigil.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void reloadCommandAndSighupReloadARunningMonitorAndKeepItOnErrors() throws Exception {
        config();
        start();
        Path lock = dir.resolve("var/vigil.lock");
        waitFor(() -> logContains("SERVICE ALERT: local;kept;CRITICAL;HARD;1;CRITICAL: state2"), "the first result");
        assertThat(Files.readString(lock)).isEqualTo(process.pid() + "\n");

        // a valid change through `vigil reload`: verified, then SIGHUP
        Files.writeString(dir.resolve("conf.d/added.cfg"), service("added", 1));
        assertThat(vigil("reload", dir.resolve("nagios.cfg").toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Total Errors: 0", "Sent SIGHUP to the monitor (PID " + process.pid() + ")");
        waitFor(() -> logContains("SERVICE ALERT: local;added;WARNING;HARD;1;WARNING: state1"), "the added service");
        String afterReload = log();
        assertThat(afterReload).contains("Caught SIGHUP, restarting...",
                "INITIAL SERVICE STATE: local;kept;CRITICAL;HARD;1;CRITICAL: state2");
        // the kept service's state carried over: no second alert for it
        assertThat(afterReload.split("SERVICE ALERT: local;kept;", -1)).hasSize(2);

        // a broken change: `vigil reload` prints verify's errors, exits 1 and does not signal
        Files.writeString(dir.resolve("conf.d/broken.cfg"), "define service {\n    host_name local\n"
                + "    service_description broken\n    check_command nosuch!1\n    max_check_attempts 1\n}\n");
        out.reset();
        err.reset();
        assertThat(vigil("reload", dir.resolve("nagios.cfg").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("broken.cfg:4: error:", "Total Errors: 1");
        assertThat(err.toString()).contains("the running monitor keeps its configuration");
        Thread.sleep(500);
        assertThat(log().split("Caught SIGHUP", -1)).hasSize(2);

        // the same broken config by a bare SIGHUP: rejected with file:line, the monitor keeps running
        new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor();
        waitFor(() -> logContains("Error: reload rejected: "), "the rejection");
        assertThat(log()).contains("broken.cfg:4: error:").doesNotContain("local;broken");
        waitFor(() -> {
            try {
                return Files.readString(dir.resolve("var/status.dat")).contains("last_reload_status=rejected");
            } catch (IOException e) {
                return false;
            }
        }, "status.dat to show the rejection");
        int alerts = log().split("SERVICE ALERT: local;added;", -1).length;
        assertThat(process.isAlive()).isTrue();
        Thread.sleep(2500); // checks go on with the previous config
        assertThat(log().split("Current", -1).length + log().split("local;added", -1).length).isPositive();
        assertThat(Files.readString(dir.resolve("var/status.dat"))).contains("service_description=added");
        assertThat(alerts).isEqualTo(2);

        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(lock).doesNotExist();
        assertThat(log()).contains("Successfully shutdown").doesNotContain("Exception");
    }

    @Test
    void reloadWithoutARunningMonitorSaysSo() throws Exception {
        config();
        assertThat(vigil("reload", dir.resolve("nagios.cfg").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("vigil.lock does not exist: is the monitor running?");
        assertThat(vigil("reload")).isEqualTo(2);
    }

    @Test
    void secondInstanceIsRefusedByTheLockFile() throws Exception {
        config();
        start();
        waitFor(() -> Files.exists(dir.resolve("var/vigil.lock")) && logContains("INITIAL SERVICE STATE"), "start");
        assertThat(vigil("run", dir.resolve("nagios.cfg").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("already held by another instance of Vigil (PID " + process.pid() + ")");
    }

    @Test
    void watchReloadsOnceWhenFilesAreDroppedIntoACfgDir() throws Exception {
        config();
        start("--watch");
        waitFor(() -> logContains("SERVICE ALERT: local;kept;CRITICAL;HARD;1;CRITICAL: state2"), "the first result");
        Files.writeString(dir.resolve("conf.d/a.cfg"), service("dropped_a", 1));
        Thread.sleep(300);
        Files.writeString(dir.resolve("conf.d/b.cfg"), service("dropped_b", 2));
        waitFor(() -> logContains("SERVICE ALERT: local;dropped_a;WARNING;HARD;1;WARNING: state1")
                && logContains("SERVICE ALERT: local;dropped_b;CRITICAL;HARD;1;CRITICAL: state2"), "the dropped services");
        String log = log();
        assertThat(log.split("Caught a change of ", -1)).as(log).hasSize(2);
        assertThat(log.split("SERVICE ALERT: local;kept;", -1)).hasSize(2);

        // a broken file dropped in is rejected; the monitor goes on with what it had
        Files.writeString(dir.resolve("conf.d/c.cfg"), "define service {\n    host_name nosuchhost\n}\n");
        waitFor(() -> logContains("Error: reload rejected: "), "the rejection");
        assertThat(log()).contains("c.cfg:1: error: service has no service_description");
        assertThat(process.isAlive()).isTrue();
    }
}
