package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vigil run} restarted again and again (SIGTERM and SIGKILL in turn) with a host in downtime whose
 * services fail: the retained downtime is in force before the first result, the first passive result read from the
 * command file (a state change: WARNING after CRITICAL) and the first re-notification pass, so not one service
 * notification is sent, at any restart. Nagios
 * sends none either (differential scenario {@code retain-restart-in-downtime}). Once the downtime is cancelled the
 * problems are notified: the count would have seen them.
 */
class RestartInDowntimeTest {

    private static final int SERVICES = 5;
    private static final int RESTARTS = 6;

    @TempDir
    Path dir;

    private Process process;
    private Thread passiveWriter;

    @AfterEach
    void stop() throws InterruptedException {
        if (passiveWriter != null) {
            passiveWriter.interrupt();
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void noServiceOfAHostInDowntimeIsNotifiedAfterAnyRestart() throws Exception {
        config();
        start();
        command("SCHEDULE_HOST_DOWNTIME;local;" + now() + ";" + (now() + 3600) + ";1;0;3600;admin;maintenance");
        await("the downtime started", () -> count("HOST DOWNTIME ALERT: local;STARTED") == 1);
        Files.writeString(dir.resolve("fail"), "");
        await("every service hard CRITICAL", () -> count(";CRITICAL;HARD;1;") >= SERVICES);
        Thread.sleep(2500); // the hard states and the downtime are retained (written every second)
        for (int i = 1; i <= RESTARTS; i++) {
            boolean kill = i % 2 == 1;
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            startWithPassiveResults();
            int restart = i;
            await("restart " + i + ": the downtime in force again",
                    () -> count("HOST DOWNTIME ALERT: local;STARTED") == restart + 1);
            // several check rounds (1 s), the passive results and two re-notification passes (5 s)
            Thread.sleep(6000);
            assertThat(notifications()).as("restart %d (%s): %s", i, kill ? "kill -9" : "SIGTERM", log()).isZero();
            String all = log();
            String run = all.substring(all.lastIndexOf("Vigil 0.1.0 starting"));
            int started = run.indexOf("HOST DOWNTIME ALERT: local;STARTED");
            assertThat(run).as("restart %d: %s", i, all).contains("SERVICE ALERT: local;svc1;WARNING;HARD;1;passive warning");
            assertThat(started).as("restart %d: the downtime in force before any result: %s", i, run)
                    .isLessThan(run.indexOf("PASSIVE SERVICE CHECK")).isLessThan(run.indexOf("SERVICE ALERT"));
        }
        assertThat(log()).doesNotContain("Exception");

        command("DEL_HOST_DOWNTIME;1");
        await("the downtime cancelled", () -> count("HOST DOWNTIME ALERT: local;CANCELLED") == 1);
        await("the problems notified once the downtime is cancelled", () -> notifications() >= SERVICES);
    }

    private void config() throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=nagios.log
                command_file=nagios.cmd
                state_retention_file=retention.dat
                interval_length=1
                log_initial_states=1
                log_passive_checks=1
                illegal_macro_output_chars=`
                """);
        Files.writeString(dir.resolve("check.sh"), """
                if [ -f '%1$s/fail' ]; then echo "CRITICAL - down"; exit 2; fi
                echo "OK - up"
                """.formatted(dir));
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name check_up
                    command_line /bin/true
                }
                define command {
                    command_name check_svc
                    command_line /bin/sh %1$s/check.sh
                }
                define command {
                    command_name notify
                    command_line /bin/sh -c 'echo "$NOTIFICATIONTYPE$ $SERVICEDESC$" >> %1$s/notified.txt'
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_up
                    service_notification_commands notify
                    service_notification_options w,u,c,r
                }
                define host {
                    host_name local
                    check_command check_up
                    max_check_attempts 1
                    check_interval 1
                    contacts admin
                }
                """.formatted(dir));
        for (int i = 1; i <= SERVICES; i++) {
            objects.append("""
                    define service {
                        host_name local
                        service_description svc%d
                        check_command check_svc
                        max_check_attempts 1
                        check_interval 1
                        retry_interval 1
                        notification_interval 1
                        contacts admin
                    }
                    """.formatted(i));
        }
        Files.writeString(dir.resolve("objects.cfg"), objects);
    }

    private void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", dir.resolve("nagios.cfg").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.txt")
                        .toFile())).start();
    }

    /**
     * Starts the monitor with a writer already waiting on the command file (left by the last run): the passive
     * results are read as soon as the monitor opens it, in the same instant as its first checks.
     */
    private void startWithPassiveResults() throws IOException {
        Path fifo = dir.resolve("nagios.cmd");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= SERVICES; i++) {
            lines.append('[').append(now()).append("] PROCESS_SERVICE_CHECK_RESULT;local;svc").append(i)
                    .append(";1;passive warning\n");
        }
        Path text = dir.resolve("passive.txt");
        Files.writeString(text, lines);
        passiveWriter = new Thread(() -> {
            try {
                while (!Files.exists(fifo) || Files.isRegularFile(fifo)) {
                    Thread.sleep(5);
                }
                new ProcessBuilder("/bin/sh", "-c", "[ -p '" + fifo + "' ] && cat '" + text + "' > '" + fifo + "'")
                        .start().waitFor();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "passive-writer");
        passiveWriter.setDaemon(true);
        passiveWriter.start();
        start();
    }

    private void command(String line) throws Exception {
        Path fifo = dir.resolve("nagios.cmd");
        await("the command file", () -> Files.exists(fifo));
        Path text = dir.resolve("line.txt");
        Files.writeString(text, "[" + now() + "] " + line + "\n");
        Process p = new ProcessBuilder("/bin/sh", "-c", "cat '" + text + "' > '" + fifo + "'").start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private long notifications() {
        Path f = dir.resolve("notified.txt");
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int count(String text) {
        return log().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("nagios.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.getAsBoolean()) {
            String out = Files.exists(dir.resolve("out.txt")) ? Files.readString(dir.resolve("out.txt")) : "";
            assertThat(System.nanoTime()).as("waiting for " + what + "\n" + log() + "\n" + out).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
