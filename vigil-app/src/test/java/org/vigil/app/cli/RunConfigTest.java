package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil run --web-config vigil.yml}: the YAML names the Nagios config, the database and the SMTP server; a
 * real monitor process delivers a problem's mail to a real SMTP server (GreenMail) and keeps its state in the H2
 * file the YAML names. Bad YAML stops {@code vigil run} with the key and no stack trace.
 */
class RunConfigTest {

    @TempDir
    Path dir;

    private GreenMail smtp;
    private Process process;

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
    void theYamlNamesTheNagiosConfigTheDatabaseAndTheSmtpServer() throws Exception {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path nagios = Files.createDirectories(dir.resolve("etc"));
        writeNagiosConfig(nagios);
        Files.createDirectories(dir.resolve("db"));
        Path templates = Files.createDirectories(dir.resolve("mail"));
        Files.writeString(templates.resolve("email-subject.ftl"), "From YAML: ${type} ${host}");
        Files.writeString(dir.resolve("vigil.yml"), """
                nagios_config: etc/nagios.cfg
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
                    templates: mail
                    timeout: 5
                  outbox:
                    retry_initial: 1
                    retry_max: 1
                """.formatted(dir, smtpPort));
        Path out = dir.resolve("out.txt");
        // the older settings are given too: the YAML wins over both, and says so
        Files.writeString(dir.resolve("notify.properties"), "email.host = nowhere.invalid\nemail.from = x@example.com\n");
        process = new ProcessBuilder(List.of(java(), "-Dvigil.notify.config=" + dir.resolve("notify.properties"),
                "-Dvigil.retention.url=jdbc:h2:file:" + dir.resolve("ignored"), "-cp",
                System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil", "run", "--web-config",
                dir.resolve("vigil.yml").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        for (int i = 0; i < 300 && smtp.getReceivedMessages().length == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(smtp.getReceivedMessages()).as(Files.readString(out)).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("From YAML: PROBLEM web1");
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        Thread.sleep(1500); // retention writes every second
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String log = Files.readString(out);
        assertThat(log).contains("SERVICE NOTIFICATION: alice;web1;http;CRITICAL;vigil-email;")
                .contains("through the outbox jdbc:h2:file:" + dir + "/db/state-outbox")
                .doesNotContain("Exception");
        // state went to the database the YAML names, not to the default file beside state_retention_file
        assertThat(dir.resolve("db/state.mv.db")).exists();
        assertThat(dir.resolve("db/state-outbox.mv.db")).exists();
        assertThat(nagios.resolve("vigil-retention.mv.db")).doesNotExist();
        assertThat(nagios.resolve("vigil-outbox.mv.db")).doesNotExist();
        assertThat(dir.resolve("ignored.mv.db")).doesNotExist();
        assertThat(log).contains("vigil run: note: notifications in " + dir.resolve("vigil.yml") + " are used, not "
                + dir.resolve("notify.properties")).contains("vigil run: note: database.url in "
                + dir.resolve("vigil.yml") + " is used for retention, not -Dvigil.retention.url");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/db/state", "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vigil_object WHERE name = 'web1' AND service = 'http'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    /** Mail that can't be delivered shows on the admin port: the notification-outbox health check fails. */
    @Test
    void anUndeliverableNotificationFailsTheOutboxHealthCheck() throws Exception {
        int closedSmtpPort = freePort(); // nothing listens there
        Path nagios = Files.createDirectories(dir.resolve("etc"));
        writeNagiosConfig(nagios);
        Files.writeString(dir.resolve("vigil.yml"), """
                nagios_config: etc/nagios.cfg
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                database:
                  url: jdbc:h2:file:%s/db/state
                health_checks:
                  max_outbox_pending_seconds: 1
                notifications:
                  email:
                    host: 127.0.0.1
                    port: %d
                    from: vigil@example.com
                    timeout: 2
                  outbox:
                    retry_initial: 1
                    retry_max: 1
                    give_up_after: 3600
                """.formatted(dir, closedSmtpPort));
        Path out = dir.resolve("out.txt");
        process = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        java.util.regex.Pattern admin = java.util.regex.Pattern.compile("\\(admin port (\\d+)\\)");
        java.util.regex.Matcher m = admin.matcher("");
        for (int i = 0; i < 300 && !(m = admin.matcher(Files.readString(out))).find(); i++) {
            Thread.sleep(100);
        }
        assertThat(m.find(0)).as(Files.readString(out)).isTrue();
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + m.group(1)
                + "/healthcheck")).build();
        String body = "";
        for (int i = 0; i < 600 && !body.contains("(1 older than 1 s)"); i++) { // 60 s: a loaded CI machine
            Thread.sleep(100);
            body = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        }
        var health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("notification-outbox");
        assertThat(health).as(body + "\n" + Files.readString(out)).isNotNull();
        assertThat(health.get("healthy").asBoolean()).as(body).isFalse();
        assertThat(health.get("message").asText()).contains("1 pending (1 older than 1 s)");
    }

    /**
     * The shipped sample-configs/vigil.yml runs the shipped sample config as it is (ports moved by -Ddw.*), and its
     * {@code limits:} reach the engine ({@code max_comments_per_object} lowered to 1 here the same way).
     */
    @Test
    void theSampleYamlWorksAsItIs() throws Exception {
        Path sample = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("../sample-configs").normalize();
        Path copy = dir.resolve("sample");
        try (var files = Files.walk(sample)) {
            for (Path f : files.toList()) {
                Path rel = sample.relativize(f);
                if (rel.startsWith("var") && !rel.toString().equals("var")) {
                    continue; // what a local run left behind (a FIFO, a lock)
                }
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy.resolve(rel.toString()));
                } else if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(rel.toString()));
                }
            }
        }
        Path out = dir.resolve("out.txt");
        process = new ProcessBuilder(List.of(java(), "-Ddw.server.applicationConnectors[0].port=0",
                "-Ddw.server.adminConnectors[0].port=0", "-Ddw.limits.max_comments_per_object=1", "-cp",
                System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", copy.resolve("vigil.yml").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        java.util.regex.Pattern serving = java.util.regex.Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/");
        java.util.regex.Matcher m = serving.matcher("");
        for (int i = 0; i < 300 && !m.find(); i++) {
            Thread.sleep(100);
            m = serving.matcher(Files.readString(out));
        }
        assertThat(m.find(0)).as(Files.readString(out)).isTrue();
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + m.group(1)
                + "/api/v1/hosts")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        int[] answers = new int[2];
        for (int i = 0; i < 2; i++) {
            answers[i] = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + m.group(1) + "/api/v1/hosts/db1/comments")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"comment\": \"note\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(answers).containsExactly(200, 422);
        assertThat(Files.readString(out)).contains("Vigil 0.1.0 starting").doesNotContain("Exception");
        assertThat(copy.resolve("var/nagios.log")).exists();
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void anUnknownKeyIsNamedAndNothingStarts() throws Exception {
        Files.writeString(dir.resolve("vigil.yml"), "notifications:\n  emial:\n    host: localhost\n");
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isEqualTo(1);
        assertThat(text).contains("Unrecognized field at: notifications.emial").contains("email")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badValuesAreNamedByTheirKeys() throws Exception {
        assertThat(refused("""
                notifications:
                  email: { host: localhost, from: v@example.com, port: 70000, security: ssl }
                  outbox: { retry_initial: 0 }
                """)).contains("notifications.email.port must be less than or equal to 65535")
                .contains("notifications.email.security must be none, starttls or tls")
                .contains("notifications.outbox.retryInitial must be greater than or equal to 1");
        assertThat(refused("database:\n  url: jdbc:mysql://db/vigil\n"))
                .contains("database.url: 'jdbc:mysql://db/vigil' is not an H2 file or PostgreSQL URL");
        assertThat(refused("notifications:\n  email: { host: localhost }\n"))
                .contains("notifications.email.from must not be empty");
        assertThat(refused("health_checks:\n  max_latency_seconds: soon\n"))
                .contains("health_checks.max_latency_seconds");
        assertThat(refused("livestatus:\n  listen: localhost\n  threads: 0\n  idle_timeout_seconds: -1\n"))
                .contains("livestatus.listen: 'localhost' is not host:port (expected, say, 127.0.0.1:6557)")
                .contains("livestatus.threads: must be 1 or more")
                .contains("livestatus.idle_timeout_seconds: must be 0 (no limit) or more seconds");
        assertThat(refused("livestatus:\n  sockt: /tmp/live\n")).contains("livestatus.sockt");
        assertThat(refused("limits:\n  max_comments_per_object: 0\n  max_downtimes: 20000000\n"))
                .contains("limits.maxCommentsPerObject must be greater than or equal to 1")
                .contains("limits.maxDowntimes must be less than or equal to 10000000");
        assertThat(refused("pages:\n  history_index_days: 0\n"))
                .contains("pages.historyIndexDays must be greater than or equal to 1");
    }

    @Test
    void aBadSettingFoundAfterParsingIsNamedToo() throws Exception {
        Path nagios = Files.createDirectories(dir.resolve("etc"));
        writeNagiosConfig(nagios);
        Files.writeString(dir.resolve("vigil.yml"), """
                nagios_config: etc/nagios.cfg
                notifications:
                  email: { host: localhost, from: v@example.com, templates: no-such-dir }
                  webhooks:
                    pager: { url: "ftp://example.org/x" }
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Vigil.run(new String[] {"run", "--no-web", "--web-config", dir.resolve("vigil.yml").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("notifications.email.templates: " + dir.resolve("no-such-dir") + " is not a directory")
                .contains("notifications.webhooks.pager.url: webhook pager: url must be http or https")
                .doesNotContain("Exception");
    }

    /** Issue 23: one-click email links enabled without a secret, or with a short one, are a refusal to start. */
    @Test
    void emailActionLinksNeedALongSecret() throws Exception {
        Path nagios = Files.createDirectories(dir.resolve("etc"));
        writeNagiosConfig(nagios);
        for (String secret : new String[] {"", ", secret: too-short"}) {
            Files.writeString(dir.resolve("vigil.yml"), """
                    nagios_config: etc/nagios.cfg
                    notifications:
                      email:
                        host: localhost
                        from: v@example.com
                        status_page: https://vigil.example.com/
                        actions: { enabled: true%s }
                    """.formatted(secret));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = Vigil.run(new String[] {"run", "--no-web", "--web-config", dir.resolve("vigil.yml").toString()},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(rc).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(secret.isEmpty()
                    ? "notifications.email: actions.secret: the links are enabled but no secret is set"
                    : "notifications.email: actions.secret: too short (9 bytes; at least 32").contains("not starting")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void theNagiosConfigComesFromOnePlace() throws Exception {
        Path nagios = Files.createDirectories(dir.resolve("etc"));
        writeNagiosConfig(nagios);
        Files.writeString(dir.resolve("other.cfg"), "");
        Files.writeString(dir.resolve("vigil.yml"), "nagios_config: etc/nagios.cfg\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Vigil.run(new String[] {"run", "--no-web", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("other.cfg").toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name different files; give one of them");

        Files.writeString(dir.resolve("empty.yml"), "health_checks:\n  max_latency_seconds: 10\n");
        err.reset();
        rc = Vigil.run(new String[] {"run", "--web-config", dir.resolve("empty.yml").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no Nagios config: give NAGIOS_CFG or nagios_config");
    }

    private String refused(String yaml) throws Exception {
        Files.writeString(dir.resolve("bad.yml"), yaml);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Vigil.run(new String[] {"run", "--web-config", dir.resolve("bad.yml").toString(), "nagios.cfg"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(text).isEqualTo(1);
        assertThat(text).contains("the web configuration is not valid").doesNotContain("Exception");
        return text;
    }

    private void writeNagiosConfig(Path etc) throws Exception {
        Files.writeString(etc.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=%1$s/nagios.log
                state_retention_file=%1$s/retention.dat
                interval_length=1
                use_timezone=UTC
                """.formatted(etc));
        Files.writeString(etc.resolve("objects.cfg"), """
                define timeperiod {
                    timeperiod_name 24x7
                    monday 00:00-24:00
                    tuesday 00:00-24:00
                    wednesday 00:00-24:00
                    thursday 00:00-24:00
                    friday 00:00-24:00
                    saturday 00:00-24:00
                    sunday 00:00-24:00
                }
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ $ARG2$
                }
                define command {
                    command_name vigil-email
                    command_line vigil-notify email
                }
                define contact {
                    contact_name alice
                    email alice@example.com
                    host_notification_options d,u,r
                    service_notification_options w,u,c,r
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_commands vigil-email
                    service_notification_commands vigil-email
                }
                define host {
                    host_name web1
                    check_command check_dummy!0
                    max_check_attempts 1
                    check_interval 3600
                    notification_period 24x7
                    contacts alice
                }
                define service {
                    host_name web1
                    service_description http
                    check_command check_dummy!2!down
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    notification_interval 0
                    notification_period 24x7
                    contacts alice
                }
                """);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
