package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil sweep} against a real {@code vigil run} process, through the control socket beside lock_file:
 * text and JSON summaries, exit codes, errors, and a client that goes away cancelling its sweep.
 */
class SweepProcessTest {

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
        Path slow = dir.resolve("slow.sh");
        Files.writeString(slow, "#!/bin/sh\necho run >> " + dir.resolve("runs") + "\nsleep 1\necho SLOW OK\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                lock_file=var/vigil.lock
                interval_length=1
                log_service_retries=1
                max_concurrent_checks=2
                illegal_macro_output_chars=`
                """);
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                    command_name slow
                    command_line %s
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define hostgroup {
                    hostgroup_name web
                    members web1,web2
                }
                """.formatted(slow));
        for (String h : List.of("web1", "web2", "db1", "batch")) {
            objects.append("define host {\n host_name ").append(h).append("\n max_check_attempts 1\n contacts admin\n}\n");
        }
        objects.append(service("web1", "http", "check_dummy!0!HTTP OK"));
        objects.append(service("web2", "http", "check_dummy!2!HTTP CRITICAL - 503 Service Unavailable"));
        objects.append(service("db1", "replication", "check_dummy!1!lag 42 s"));
        for (int i = 1; i <= 6; i++) {
            objects.append(service("batch", "slow" + i, "slow"));
        }
        Files.writeString(dir.resolve("objects.cfg"), objects.toString());
    }

    private static String service(String host, String name, String command) {
        return """
                define service {
                    host_name %s
                    service_description %s
                    check_command %s
                    max_check_attempts 2
                    check_interval 3600
                    retry_interval 3600
                    contacts admin
                }
                """.formatted(host, name, command);
    }

    private void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil",
                "run", dir.resolve("nagios.cfg").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        waitFor(() -> Files.exists(socket()), "the control socket");
    }

    private Path socket() {
        return dir.resolve("var/vigil.lock.sock");
    }

    private int vigil(String... args) {
        out.reset();
        err.reset();
        return Vigil.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String cfg() {
        return dir.resolve("nagios.cfg").toString();
    }

    @Test
    void sweepsTheRunningMonitorAndPrintsTheSummary() throws Exception {
        config();
        start();
        assertThat(vigil("sweep", cfg(), "--hostgroup", "web")).as(err.toString()).isEqualTo(1);
        String text = out.toString();
        // piped: plain progress lines (a slow machine may print one before the checks are back), the last at 2 of 2
        assertThat(text).startsWith("progress: ").contains("progress: 2 of 2 done, 1 not OK, ");
        assertThat(text.lines().filter(l -> l.startsWith("progress: ")))
                .allMatch(l -> l.matches("progress: [012] of 2 done, [01] not OK, .*"));
        assertThat(text)
                .contains("Sweep 1 (hostgroup=web): ran 2 of 2 checks on 2 hosts in ",
                        "; 1 not OK, 0 changed\n",
                        "CRITICAL web2/http  CRITICAL: HTTP CRITICAL - 503 Service Unavailable\n",
                        "not OK by state: CRITICAL 1\n", "not OK by host:  web2 1\n");
        assertThat(text).doesNotContain("web1/http");
        // the result is real: the monitor logged it through its state machine
        waitFor(() -> {
            try {
                return Files.readString(dir.resolve("var/nagios.log"))
                        .contains("SERVICE ALERT: web2;http;CRITICAL;SOFT;1;CRITICAL: HTTP CRITICAL - 503 Service");
            } catch (IOException e) {
                return false;
            }
        }, "the alert in the log");

        assertThat(vigil("sweep", cfg(), "--service", "http", "--host", "web1")).isZero();
        assertThat(out.toString()).contains("ran 1 of 1 checks on 1 hosts").doesNotContain("not OK by");

        assertThat(vigil("sweep", cfg(), "--state", "problem", "--json")).isEqualTo(1);
        String json = out.toString().strip();
        // the second result of web2/http (max_check_attempts 2) made its problem HARD, as any result would
        assertThat(json).startsWith("{\"id\":3,\"phase\":\"finished\",\"done\":1,\"total\":1,\"percent\":100,"
                + "\"problems\":1,\"problems_by_state\":{\"CRITICAL\":1},\"problems_by_host\":{\"web2\":1},")
                .contains("\"not_ok\":[{\"host\":\"web2\",\"service\":\"http\",\"state\":\"CRITICAL\","
                        + "\"state_type\":\"HARD\",\"output\":\"CRITICAL: HTTP CRITICAL - 503 Service Unavailable\","
                        + "\"previous_state\":\"CRITICAL\",\"changed\":false,\"ran\":true}]")
                .endsWith("\"changed\":[],\"skipped\":[],\"not_run\":[]}")
                .doesNotContain("\n");

        assertThat(vigil("sweep", cfg(), "--hostgroup", "wbe")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("vigil sweep: hostgroup: no host group named 'wbe' (did you mean"
                + " 'web'?)\n");
        assertThat(vigil("sweep", cfg(), "--state", "sad")).isEqualTo(2);
        assertThat(err.toString()).contains("state: unknown value 'sad' (expected problem or all)");
        assertThat(vigil("sweep", cfg(), "--service")).isEqualTo(2);
        assertThat(err.toString()).contains("--service needs a value", "usage: vigil sweep");
    }

    @Test
    void aClientThatGoesAwayCancelsItsSweep() throws Exception {
        config();
        start();
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket()));
            Channels.newOutputStream(c).write("SWEEP host=batch\n".getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("STARTED 1 6");
            waitFor(() -> runs() == 2, "the pool's two checks to start");
        }
        Thread.sleep(3500); // the two running end; a sweep still fed would have started the other four
        assertThat(runs()).isEqualTo(2);
        // and the monitor serves the next one
        assertThat(vigil("sweep", cfg(), "--host", "db1")).isEqualTo(1);
        assertThat(out.toString()).contains("WARNING  db1/replication  WARNING: lag 42 s");
    }

    @Test
    void withoutARunningMonitorItSaysSo() throws Exception {
        config();
        assertThat(vigil("sweep", cfg())).isEqualTo(4);
        assertThat(err.toString()).contains("vigil.lock.sock does not exist: is the monitor running");
        assertThat(vigil("sweep")).isEqualTo(2);
    }

    private int runs() {
        try {
            Path p = dir.resolve("runs");
            return Files.exists(p) ? Files.readAllLines(p).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void waitFor(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what + "; output: "
                    + (Files.exists(dir.resolve("out.txt")) ? Files.readString(dir.resolve("out.txt")) : ""))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
