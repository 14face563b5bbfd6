package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail for real under a running {@code vigil run}: the process's file size limit is lowered to 1 KiB
 * ({@code prlimit}, as a full disk or quota would), so the H2 retention database closes itself ("The database has
 * been closed"), status.dat and the outbox cannot be written. The health checks on the admin port turn red with the
 * cause, each failure is logged once, checks go on; once the limit is lifted every check turns green again. Then
 * status.dat's directory is replaced by a file: red with the cause, green once it is gone.
 */
class WriteFailureHealthTest {

    @TempDir
    Path dir;

    private GreenMail smtp;
    private Process process;
    private final StringBuffer out = new StringBuffer();
    private final HttpClient http = HttpClient.newHttpClient();
    private int adminPort;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void failedWritesTurnTheHealthChecksRedOnceLoggedAndGreenAgain() throws Exception {
        start();
        await("all green", () -> unhealthy().isEmpty());
        int alertsBefore = count("SERVICE ALERT: web1;flip;");

        limitFileSize("1024");
        Files.writeString(dir.resolve("fail"), ""); // a state change, and a notification to store
        await("retention, status file and outbox red", () -> unhealthy().containsAll(
                List.of("retention", "status-file", "notification-outbox")));
        JsonNode health = health();
        assertThat(health.get("retention").get("message").asText())
                .startsWith("retained state cannot be written (kept in memory, retried every second): ")
                .contains("cannot write retained state: the file cannot be written: File too large");
        assertThat(health.get("status-file").get("message").asText())
                .startsWith("cannot write the status file: " + dir.resolve("status/status.dat") + ": ")
                .contains("File too large");
        assertThat(health.get("notification-outbox").get("message").asText())
                .startsWith("the outbox cannot be written: " + dir.resolve("db/state-outbox.mv.db")
                        + ": cannot store notifications: the file cannot be written: File too large");
        Thread.sleep(4000); // four status and retention intervals more: still one line each
        Files.delete(dir.resolve("fail"));
        await("checks go on while writes fail", () -> count("SERVICE ALERT: web1;flip;") >= alertsBefore + 2);
        assertThat(count("Warning: cannot write the status file: ")).as(out.toString()).isEqualTo(1);
        assertThat(count("Warning: retention: ")).as(out.toString()).isEqualTo(1);
        assertThat(count("outbox database error")).as(out.toString()).isLessThanOrEqualTo(1);

        limitFileSize("unlimited");
        await("all green again", () -> unhealthy().isEmpty());
        assertThat(count("Status file: written again")).isEqualTo(1);
        assertThat(count("Retention: state is written again")).isEqualTo(1);

        Path status = dir.resolve("status");
        try (var files = Files.list(status)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(status);
        Files.writeString(status, "a file where the directory was");
        await("status file red", () -> unhealthy().contains("status-file"));
        assertThat(health().get("status-file").get("message").asText()).isEqualTo("cannot write the status file: "
                + status.resolve("status.dat") + ": a file is in the way: " + status
                + " exists and is not a directory");
        Files.delete(status);
        await("status file green", () -> !unhealthy().contains("status-file"));
        assertThat(count("Warning: cannot write the status file: ")).isEqualTo(2);
        assertThat(out.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void start() throws Exception {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                status_file=%1$s/status/status.dat
                status_update_interval=1
                state_retention_file=%1$s/retention.dat
                interval_length=1
                """.formatted(dir));
        Files.writeString(dir.resolve("check.sh"), """
                if [ -f '%1$s/fail' ]; then echo "CRITICAL - down"; exit 2; fi
                echo "OK - up"
                """.formatted(dir));
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_flip
                    command_line /bin/sh %1$s/check.sh
                }
                define command {
                    command_name check_up
                    command_line /bin/true
                }
                define command {
                    command_name vigil-email
                    command_line vigil-notify email
                }
                define contact {
                    contact_name alice
                    email alice@example.com
                    service_notification_options w,u,c,r
                    host_notification_commands vigil-email
                    service_notification_commands vigil-email
                }
                define host {
                    host_name web1
                    check_command check_up
                    max_check_attempts 1
                    contacts alice
                }
                define service {
                    host_name web1
                    service_description flip
                    check_command check_flip
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    contacts alice
                }
                """.formatted(dir));
        Files.writeString(dir.resolve("vigil.yml"), """
                nagios_config: nagios.cfg
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                database:
                  url: jdbc:h2:file:%s/db/state
                notifications:
                  email:
                    host: 127.0.0.1
                    port: %d
                    from: vigil@example.com
                    timeout: 5
                """.formatted(dir, smtpPort));
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil", "run", "--web-config",
                dir.resolve("vigil.yml").toString())).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> copy(process.getInputStream()), "vigil-output");
        reader.setDaemon(true);
        reader.start();
        Pattern admin = Pattern.compile("\\(admin port (\\d+)\\)");
        await("the admin port", () -> admin.matcher(out).find());
        Matcher m = admin.matcher(out);
        assertThat(m.find()).isTrue();
        adminPort = Integer.parseInt(m.group(1));
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("(output closed: ").append(e.getMessage()).append(')');
        }
    }

    /** Lowers or lifts the running monitor's file size limit (RLIMIT_FSIZE; the JVM ignores SIGXFSZ). */
    private void limitFileSize(String soft) throws Exception {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(process.pid()), "--fsize=" + soft + ":unlimited")
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
    }

    private JsonNode health() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                    + "/healthcheck")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> unhealthy() {
        JsonNode h = health();
        List<String> red = new java.util.ArrayList<>();
        h.fields().forEachRemaining(e -> {
            if (!e.getValue().get("healthy").asBoolean()) {
                red.add(e.getKey());
            }
        });
        return red;
    }

    private int count(String text) {
        return out.toString().split(Pattern.quote(text), -1).length - 1;
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what + "\n" + out
                    + (adminPort == 0 ? "" : "\n" + health())).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
