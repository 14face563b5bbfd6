package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.vigil.web.auth.PasswordHash;
import org.vigil.web.browser.Chromium;

/**
 * One click from the mail (issue 23): a real {@code vigil run} with logins on, the email channel to a real SMTP
 * server (GreenMail) and {@code notifications.email.actions} enabled, its secret from the environment. A service
 * goes CRITICAL; its PROBLEM mail carries an acknowledge and a downtime link. A changed link and another contact's
 * user are refused and change nothing; Chromium, not logged in, opens the acknowledge link, sees the confirmation
 * page and confirms; logged in, the service's page shows the acknowledgement by the contact's alias; the same link
 * again says it was used, by whom; the downtime link, POSTed without a browser, schedules the downtime. (That a
 * used link stays used across a restart is OutboxTokenUseTest's, on the same H2 file store: a restart here would
 * cost 10 s.)
 */
class EmailActionBrowserTest {

    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/email-action\\?t=[A-Za-z0-9_.-]+");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "k3Vq0w8Jm2Zr5Tn7Xb1Lc4Pd6Sf9Gh0Ya2Ue5Io8";

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) // kept to be read when it fails
    Path dir;

    private GreenMail smtp;
    private Process process;
    private String base;

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
    void theAcknowledgeLinkOfAProblemMailAcknowledgesAsTheContactOnceWithoutALogin() throws Exception {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int webPort = freePort();
        base = "http://127.0.0.1:" + webPort;
        writeConfig(smtpPort, webPort);
        start();
        // the plugin's CRITICAL, passively (an active check would wait for its place in the initial spread)
        await("the command file", () -> Files.exists(dir.resolve("nagios.cmd")));
        Process cat = new ProcessBuilder("/bin/sh", "-c", "echo '[" + System.currentTimeMillis() / 1000
                + "] PROCESS_SERVICE_CHECK_RESULT;web1;Disk /var;2;DISK CRITICAL - 99% used' > '"
                + dir.resolve("nagios.cmd") + "'").start();
        assertThat(cat.waitFor(20, TimeUnit.SECONDS)).isTrue();
        await("the PROBLEM mail", () -> smtp.getReceivedMessages().length > 0);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("PROBLEM").contains("Disk /var");
        String text = textPart(mail);
        Matcher links = LINK.matcher(text);
        assertThat(links.find()).as(text).isTrue();
        String ack = links.group();
        assertThat(links.find()).as(text).isTrue();
        String downtime = links.group();
        assertThat(text).contains("Acknowledge (as alice):\n" + ack).contains("Schedule 2 h downtime:\n" + downtime);
        String ackPath = ack.substring(base.length());

        // a changed link, and bob (bound to contact bob) with alice's link: refused, nothing changes
        String token = ack.substring(ack.indexOf("t=") + 2);
        String forged = forge(token);
        HttpResponse<String> bad = get("/email-action?t=" + forged, null);
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.body()).contains("signature is not valid");
        HttpResponse<String> bob = post("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8), "bob");
        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(403);
        assertThat(bob.body()).contains("this link was sent to contact &#39;alice&#39;, so it is not yours to use");

        try (Chromium browser = new Chromium(base, 1000, 900)) {
            browser.open(ackPath); // not logged in: the link is enough
            assertThat(browser.find("#email-action-contact").getText()).isEqualTo("Alice Admin (alice)");
            assertThat(browser.find("#email-action-state").getText()).isEqualTo("CRITICAL");
            assertThat(log()).doesNotContain("ACKNOWLEDGE_SVC_PROBLEM"); // GET changes nothing
            browser.find("#email-action-confirm").click();
            assertThat(browser.await("the result", d -> d.findElement(By.id("email-action-done"))).getText())
                    .isEqualTo("Acknowledged web1/Disk /var as Alice Admin.");

            browser.open("/login?return_to=" + URLEncoder.encode("/service/web1/Disk%20/var", StandardCharsets.UTF_8));
            browser.find("input[name=username]").sendKeys("admin");
            browser.find("input[name=password]").sendKeys("secret-admin");
            browser.find("#login button[type=submit]").click();
            browser.await("the login", d -> d.getCurrentUrl().contains("/login") ? null : d.getCurrentUrl());
            browser.open("/service/web1/Disk%20/var");
            assertThat(browser.driver.findElements(By.id("acknowledged"))).as(browser.driver.getCurrentUrl() + "\n"
                    + browser.driver.getPageSource()).isNotEmpty();
            assertThat(browser.find("#acknowledged").getText()).as(browser.driver.getPageSource())
                    .startsWith("yes, by Alice Admin (sticky)").contains("acknowledged from email");

            browser.open(ackPath);
            assertThat(browser.find("#email-action-refused").getText()).startsWith(
                    "This link was already used, by Alice Admin at ");
            assertThat(browser.driver.findElements(By.id("email-action-confirm"))).isEmpty();
        }
        assertThat(log()).contains("EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;Disk /var;2;1;0;Alice Admin;"
                + "acknowledged from email");

        // the downtime link, confirmed by a plain POST of its form (no login, no session: the token is the key)
        HttpResponse<String> down = post("t=" + URLEncoder.encode(downtime.substring(downtime.indexOf("t=") + 2),
                StandardCharsets.UTF_8), null);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
        assertThat(down.body()).contains("Scheduled 2 h of downtime for web1/Disk /var");
        assertThat(log()).containsPattern("EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;web1;Disk /var;\\d+;\\d+;1;0;7200;"
                + "Alice Admin;scheduled from email");
        assertThat(Files.readString(dir.resolve("out.txt"))).doesNotContain("Exception");
    }

    /** The token with its signature's first character changed (the last one's low bits are padding). */
    private static String forge(String token) {
        int at = token.indexOf('.') + 1;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    private static String textPart(MimeMessage mail) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType("text/plain")) {
                return ((String) p.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no text part");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            r.header("Authorization", basic(user));
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String form, String user) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/email-action"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (user != null) {
            r.header("Authorization", basic(user));
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":secret-" + user)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.txt").toFile()));
        pb.environment().put("VIGIL_EMAIL_ACTION_SECRET", SECRET);
        process = pb.start();
        await("the web server", () -> {
            try {
                return get("/login", null).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void writeConfig(int smtpPort, int webPort) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=nagios.log
                command_file=nagios.cmd
                state_retention_file=retention.dat
                interval_length=1
                """);
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
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                    command_name vigil-email
                    command_line vigil-notify email
                }
                define contact {
                    contact_name alice
                    alias Alice Admin
                    email alice@example.com
                    host_notification_options d,u,r
                    service_notification_options w,u,c,r
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_commands vigil-email
                    service_notification_commands vigil-email
                }
                define contact {
                    contact_name bob
                    email bob@example.com
                    host_notifications_enabled 0
                    service_notifications_enabled 0
                    host_notification_commands vigil-email
                    service_notification_commands vigil-email
                }
                define host {
                    host_name web1
                    check_command check_dummy!0!up
                    max_check_attempts 1
                    check_interval 3600
                    notification_period 24x7
                    contacts alice,bob
                }
                define service {
                    host_name web1
                    service_description Disk /var
                    check_command check_dummy!0!ok
                    active_checks_enabled 0
                    passive_checks_enabled 1
                    max_check_attempts 1
                    check_interval 60
                    notification_interval 0
                    notification_period 24x7
                    contacts alice,bob
                }
                """);
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: %d, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                auth:
                  users:
                    - { name: admin, password_hash: "%s", all_objects: true }
                    - { name: bob, password_hash: "%s", contact: bob }
                notifications:
                  email:
                    host: 127.0.0.1
                    port: %d
                    from: vigil@example.com
                    status_page: http://127.0.0.1:%d/
                    timeout: 5
                    actions: { enabled: true, secret: "${VIGIL_EMAIL_ACTION_SECRET}" }
                  outbox:
                    retry_initial: 1
                    retry_max: 1
                """.formatted(webPort, PasswordHash.hash("secret-admin"), PasswordHash.hash("secret-bob"), smtpPort,
                webPort));
    }

    private String log() throws Exception {
        Path f = dir.resolve("nagios.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within 30 s; vigil said:\n"
                + Files.readString(dir.resolve("out.txt")));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
