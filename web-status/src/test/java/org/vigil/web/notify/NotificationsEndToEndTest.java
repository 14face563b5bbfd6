package org.vigil.web.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.notify.setup.Notifications;
import org.vigil.notify.setup.NotifySettings;
import org.vigil.notify.setup.NotifySettingsFile;

/**
 * The real daemon on a config whose service runs a scripted plugin, with two contacts: alice by the built-in email
 * channel (a real SMTP server, GreenMail) and bob by the built-in webhook (a real JDK HTTP server). Problem,
 * recovery, an acknowledgement written to the command file, a downtime that suppresses a problem, and an SMTP
 * outage across a daemon restart: every notification arrives, once.
 */
class NotificationsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final int smtpPort = freePort();
    private GreenMail smtp;
    private HttpServer pager;
    private final List<String> hooks = new CopyOnWriteArrayList<>();
    private Daemon daemon;
    private Notifications notifications;

    @AfterEach
    void stop() {
        stopDaemon();
        if (smtp != null) {
            smtp.stop();
        }
        if (pager != null) {
            pager.stop(0);
        }
    }

    @Test
    void problemRecoveryAckDowntimeAndAnSmtpOutageAcrossARestart() throws Exception {
        startSmtp();
        startPager();
        LoadResult config = config();
        state(2, "CRITICAL - connection refused");
        startDaemon(config);

        // PROBLEM: the mail (headers, text and HTML), the webhook (trigger with the dedup key), the log lines
        awaitMails(1);
        awaitHooks(1);
        MimeMessage problem = smtp.getReceivedMessages()[0];
        assertThat(problem.getSubject()).isEqualTo("** PROBLEM Service Alert: web1/http is CRITICAL **");
        assertThat(problem.getFrom()[0].toString()).isEqualTo("vigil@example.com");
        assertThat(problem.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        assertThat(problem.getHeader("X-Vigil-Notification-Type")[0]).isEqualTo("PROBLEM");
        assertThat(problem.getHeader("X-Vigil-Dedup-Key")[0]).isEqualTo("vigil/web1/http");
        MimeMultipart parts = (MimeMultipart) problem.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("Notification Type: PROBLEM",
                "Service: http", "Host: web1", "CRITICAL - connection refused");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(1))).contains("<html", "CRITICAL - connection refused");
        JsonNode trigger = JSON.readTree(hooks.get(0));
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo("vigil/web1/http");
        assertThat(trigger.get("routing_key").asText()).isEqualTo("R0UT1NG");
        assertThat(trigger.at("/payload/summary").asText()).contains("CRITICAL - connection refused");
        assertThat(log()).contains(
                "SERVICE NOTIFICATION: alice;web1;http;CRITICAL;vigil-email;CRITICAL - connection refused",
                "SERVICE NOTIFICATION: bob;web1;http;CRITICAL;vigil-pager;CRITICAL - connection refused");

        // RECOVERY: mail and resolve
        state(0, "OK - 12 ms");
        awaitMails(2);
        awaitHooks(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("** RECOVERY Service Alert: web1/http is OK **");
        assertThat(JSON.readTree(hooks.get(1)).get("event_action").asText()).isEqualTo("resolve");
        assertThat(JSON.readTree(hooks.get(1)).get("dedup_key").asText()).isEqualTo("vigil/web1/http");

        // a new problem, acknowledged through the command file: ACKNOWLEDGEMENT mail and acknowledge event
        state(2, "CRITICAL - timeout");
        awaitMails(3);
        awaitHooks(3);
        command("ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;1;0;carol;looking at it");
        awaitMails(4);
        awaitHooks(4);
        MimeMessage ack = smtp.getReceivedMessages()[3];
        assertThat(ack.getSubject()).isEqualTo("** ACKNOWLEDGEMENT Service Alert: web1/http is CRITICAL **");
        assertThat(GreenMailUtil.getBody(((MimeMultipart) ack.getContent()).getBodyPart(0)))
                .contains("Acknowledged by carol: looking at it");
        assertThat(JSON.readTree(hooks.get(3)).get("event_action").asText()).isEqualTo("acknowledge");
        assertThat(log()).contains("SERVICE NOTIFICATION: alice;web1;http;ACKNOWLEDGEMENT (CRITICAL);vigil-email;"
                + "CRITICAL - timeout;carol;looking at it");
        state(0, "OK - back");
        awaitMails(5);
        awaitHooks(5);

        // a downtime: DOWNTIMESTART is sent, the problem during it is not, cancelling sends DOWNTIMECANCELLED
        long now = System.currentTimeMillis() / 1000;
        command("SCHEDULE_SVC_DOWNTIME;web1;http;" + now + ";" + (now + 3600) + ";1;0;3600;carol;maintenance");
        awaitMails(6);
        assertThat(smtp.getReceivedMessages()[5].getSubject())
                .isEqualTo("** DOWNTIMESTART Service Alert: web1/http is OK **");
        state(2, "CRITICAL - during maintenance");
        await("the problem in downtime", () -> log().contains(
                "SERVICE ALERT: web1;http;CRITICAL;HARD;1;CRITICAL - during maintenance"));
        Thread.sleep(3000); // several more results and two re-notification passes
        assertThat(log()).doesNotContain("SERVICE NOTIFICATION: alice;web1;http;CRITICAL;vigil-email;"
                + "CRITICAL - during maintenance");
        assertThat(smtp.getReceivedMessages()).hasSize(6);
        state(0, "OK - after maintenance");
        await("recovered", () -> log().contains("SERVICE ALERT: web1;http;OK;HARD;1;OK - after maintenance"));
        Engine engine = daemon.engine();
        long id = engine.call(() -> engine.downtimes().all().get(0).id());
        command("DEL_SVC_DOWNTIME;" + id);
        awaitMails(7);
        assertThat(smtp.getReceivedMessages()[6].getSubject())
                .isEqualTo("** DOWNTIMECANCELLED Service Alert: web1/http is OK **");
        assertThat(smtp.getReceivedMessages()).as("no recovery of the problem nobody was told about").hasSize(7);
        int hooksBefore = hooks.size();

        // the SMTP server goes down; a problem is decided, the webhook gets it, the mail waits in the outbox
        smtp.stop();
        state(2, "CRITICAL - disk full");
        await("the mail tried and failed", () -> log().contains(
                "NOTIFICATION DELIVERY: email;alice;web1;http;PROBLEM;attempt 1 failed"));
        awaitHooks(hooksBefore + 1);
        assertThat(JSON.readTree(hooks.get(hooksBefore)).get("event_action").asText()).isEqualTo("trigger");
        // the monitor restarts while the mail is pending; the server comes back after the restart
        stopDaemon();
        startDaemon(config());
        Thread.sleep(1500);
        startSmtp();
        awaitMails(1);
        Thread.sleep(4000); // retries and re-notification passes would show up here
        MimeMessage[] after = smtp.getReceivedMessages();
        assertThat(after).as(log()).hasSize(1);
        assertThat(after[0].getSubject()).isEqualTo("** PROBLEM Service Alert: web1/http is CRITICAL **");
        assertThat(GreenMailUtil.getBody(((MimeMultipart) after[0].getContent()).getBodyPart(0)))
                .contains("CRITICAL - disk full");
        assertThat(hooks).as("no duplicate webhook after the restart").hasSize(hooksBefore + 1);
        assertThat(log().lines().filter(l -> l.contains("SERVICE NOTIFICATION: alice;web1;http;CRITICAL;vigil-email;"
                + "CRITICAL - disk full"))).as("decided once, before the restart").hasSize(1);
        assertThat(notifications.outbox().orElseThrow().undelivered()).isEmpty();
    }

    // -- the parts --------------------------------------------------------------------------------------------------

    private LoadResult config() throws IOException {
        Path plugin = dir.resolve("check_scripted");
        Files.writeString(plugin, "#!/bin/sh\nread code text < \"$1\"\necho \"$text\"\nexit $code\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=%1$s/nagios.log
                status_file=%1$s/status.dat
                state_retention_file=%1$s/retention.dat
                command_file=%1$s/nagios.cmd
                check_external_commands=1
                interval_length=1
                illegal_macro_output_chars=`
                use_timezone=UTC
                """.formatted(dir));
        Files.writeString(dir.resolve("objects.cfg"), """
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
                    command_name check_scripted
                    command_line %1$s/check_scripted %1$s/state
                }
                define command {
                    command_name check_up
                    command_line /bin/true
                }
                define command {
                    command_name vigil-email
                    command_line vigil-notify email
                }
                define command {
                    command_name vigil-pager
                    command_line vigil-notify webhook $ARG1$
                }
                define contact {
                    name person
                    register 0
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_options d,u,r,f,s
                    service_notification_options w,u,c,r,f,s
                }
                define contact {
                    contact_name alice
                    use person
                    email alice@example.com
                    host_notification_commands vigil-email
                    service_notification_commands vigil-email
                }
                define contact {
                    contact_name bob
                    use person
                    host_notification_commands vigil-pager!pager
                    service_notification_commands vigil-pager!pager
                }
                define host {
                    host_name web1
                    check_command check_up
                    max_check_attempts 1
                    check_interval 3600
                    notification_period 24x7
                    contacts alice,bob
                }
                define service {
                    host_name web1
                    service_description http
                    check_command check_scripted
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    notification_interval 0
                    notification_period 24x7
                    contacts alice,bob
                }
                """.formatted(dir));
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }

    private NotifySettings settings() throws IOException {
        Path file = dir.resolve("vigil-notify.properties");
        Files.writeString(file, """
                email.host = 127.0.0.1
                email.port = %d
                email.from = vigil@example.com
                email.timeout = 5
                webhook.pager.url = http://127.0.0.1:%d/v2/enqueue
                webhook.pager.style = pagerduty
                webhook.pager.routing_key = R0UT1NG
                outbox.retry_initial = 1
                outbox.retry_max = 1
                """.formatted(smtpPort, pager.getAddress().getPort()));
        NotifySettingsFile.Read read = NotifySettingsFile.read(file, ZoneOffset.UTC);
        assertThat(read.errors()).isEmpty();
        return read.settings().orElseThrow();
    }

    private void startDaemon(LoadResult config) throws IOException {
        notifications = new Notifications(settings(), Clock.systemUTC());
        daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), notifications);
        daemon.start();
    }

    private void stopDaemon() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
        if (notifications != null) {
            notifications.close();
            notifications = null;
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private void startPager() throws IOException {
        pager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pager.createContext("/", exchange -> {
            hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = "{\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        pager.start();
    }

    private void state(int code, String output) throws IOException {
        Path tmp = dir.resolve("state.tmp");
        Files.writeString(tmp, code + " " + output + "\n");
        Files.move(tmp, dir.resolve("state"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes one line to the command file as a script does (a separate process opening the FIFO). */
    private void command(String line) throws Exception {
        Path fifo = dir.resolve("nagios.cmd");
        await("the command file", () -> Files.exists(fifo));
        String text = "[" + System.currentTimeMillis() / 1000 + "] " + line + "\n";
        Path script = dir.resolve("line.txt");
        Files.writeString(script, text);
        Process p = new ProcessBuilder("/bin/sh", "-c", "cat '" + script + "' > '" + fifo + "'").start();
        assertThat(p.waitFor()).isZero();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("nagios.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitMails(int n) {
        await(n + " mail(s)", () -> smtp.getReceivedMessages().length >= n);
        assertThat(smtp.getReceivedMessages()).as("mails").hasSize(n);
    }

    private void awaitHooks(int n) {
        await(n + " webhook(s)", () -> hooks.size() >= n);
        assertThat(hooks).as("webhooks").hasSize(n);
    }

    private void await(String what, BooleanSupplier done) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; log:\n" + log());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
