package org.vigil.notify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.notify.delivery.Notifications.acknowledgement;
import static org.vigil.notify.delivery.Notifications.hostDown;
import static org.vigil.notify.delivery.Notifications.problem;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.delivery.Await;
import org.vigil.notify.delivery.Notification;
import org.vigil.notify.outbox.Backoff;
import org.vigil.notify.outbox.DeliveryStatus;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxSettings;

/** The email channel against a real SMTP server (GreenMail), through the outbox. */
class EmailChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private EmailSettings settings() {
        return EmailSettings.plain("127.0.0.1", ServerSetupTest.SMTP.getPort(), "Vigil <vigil@example.org>")
                .withStatusPage("http://vigil.example.org:8080/").withZone(ZoneId.of("UTC"))
                .withTimeout(Duration.ofSeconds(5));
    }

    private Outbox outbox(EmailChannel channel) {
        return Outbox.open(OutboxSettings.embedded(dir).withBackoff(new Backoff(Duration.ofMillis(50),
                Duration.ofMillis(200))).withPollInterval(Duration.ofMillis(200)), List.of(channel),
                Clock.systemUTC(), log::add);
    }

    @Test
    void aServiceProblemMailHasTheHeadersAndBothBodies() throws Exception {
        Notification n = problem("web1", "HTTP", 2);
        try (Outbox outbox = outbox(new EmailChannel(settings()))) {
            outbox.enqueue(n, List.of("email"));
            assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        }
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("** PROBLEM Service Alert: web1/HTTP is CRITICAL **");
        assertThat(mail.getHeader("From", null)).isEqualTo("Vigil <vigil@example.org>");
        assertThat(mail.getHeader("To", null)).isEqualTo("alice@example.org");
        assertThat(mail.getMessageID()).isEqualTo("<" + n.eventKey() + ".email@vigil>");
        assertThat(mail.getHeader("X-Vigil-Notification-Type", null)).isEqualTo("PROBLEM");
        assertThat(mail.getHeader("X-Vigil-Dedup-Key", null)).isEqualTo("vigil/web1/HTTP");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(n.time());
        assertThat(mail.getContentType()).startsWith("multipart/alternative");

        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo("""
                ***** Vigil *****

                Notification Type: PROBLEM
                Service: HTTP
                Host: web1
                State: CRITICAL (HARD, attempt 3)
                Duration: 0d 1h 2m 3s
                Notification: #2
                Date/Time: Wed Nov 25 10:15:32 UTC 2026

                Info:

                CRITICAL - Socket timeout after 10 seconds
                line two
                line three

                http://vigil.example.org:8080/hosts/web1/services/HTTP
                """);
        String html = ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n");
        assertThat(html).contains("<h2 style=\"margin: 0 0 8px 0\">PROBLEM: HTTP on web1 is CRITICAL</h2>")
                .contains("<tr><th align=\"left\">Duration</th><td>0d 1h 2m 3s</td></tr>")
                .contains("<tr><th align=\"left\">State</th><td>CRITICAL (HARD, attempt 3)</td></tr>")
                .contains("<pre>CRITICAL - Socket timeout after 10 seconds\nline two\nline three</pre>")
                .contains("<a href=\"http://vigil.example.org:8080/hosts/web1/services/HTTP\">Open in Vigil</a>")
                .doesNotContain("Acknowledged by");
        Await.until("logged", WAIT, () -> log.contains("NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;delivered"));
    }

    @Test
    void anAcknowledgementMailNamesTheAuthorAndEscapesTheCommentInHtml() throws Exception {
        try (Outbox outbox = outbox(new EmailChannel(settings()))) {
            outbox.enqueue(acknowledgement("web1", "HTTP", 2), List.of("email"));
            assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        }
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("** ACKNOWLEDGEMENT Service Alert: web1/HTTP is CRITICAL **");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("Acknowledged by bob: looking at it <now> & later");
        assertThat((String) parts.getBodyPart(1).getContent()).contains(
                "<tr><th align=\"left\">Acknowledged by</th><td>bob: looking at it &lt;now&gt; &amp; later</td></tr>");
    }

    @Test
    void aHostMailSaysHostAlert() throws Exception {
        try (Outbox outbox = outbox(new EmailChannel(settings()))) {
            outbox.enqueue(hostDown("db1", 1), List.of("email"));
            assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        }
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("** PROBLEM Host Alert: db1 is DOWN **");
        assertThat(GreenMailUtil.getBody(mail)).doesNotContain("Service:");
    }

    @Test
    void aSitesTemplateDirectoryOverridesOneTemplateAndKeepsTheOtherDefaults() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("email-subject.ftl"), "[${state}] ${subject} (#${notificationNumber})");
        try (Outbox outbox = outbox(new EmailChannel(settings().withTemplateDir(templates)))) {
            outbox.enqueue(problem("web1", "HTTP", 4), List.of("email"));
            assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        }
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[CRITICAL] web1/HTTP (#4)");
        assertThat((String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent()).startsWith("***** Vigil *****");
    }

    @Test
    void aBrokenTemplateFailsTheDeliveryWithItsLineAndIsNotRetried() {
        Path templates = dir.resolve("broken");
        try {
            Files.createDirectories(templates);
            Files.writeString(templates.resolve("email-subject.ftl"), "ok\n${nosuchfield}");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        try (Outbox outbox = outbox(new EmailChannel(settings().withTemplateDir(templates)))) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("email"));
            Await.until("failed", WAIT, () -> !outbox.deliveries(EnumSet.of(DeliveryStatus.FAILED)).isEmpty());
            assertThat(outbox.undelivered().get(0).lastError())
                    .startsWith("template email-subject.ftl, line 2: The following has evaluated to null or missing");
            assertThat(outbox.undelivered().get(0).attempts()).isEqualTo(1);
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aContactWithoutAnEmailAddressIsAFailureNotARetry() {
        Notification n = problem("web1", "HTTP", 1);
        Notification noMail = new Notification(n.type(), org.vigil.notify.delivery.Contact.withEmail("carol", ""),
                n.host(), n.service(), n.state(), n.stateType(), n.output(), n.longOutput(), n.attempt(), n.duration(),
                n.notificationNumber(), "", "", n.time(), n.macros());
        try (Outbox outbox = outbox(new EmailChannel(settings()))) {
            outbox.enqueue(noMail, List.of("email"));
            Await.until("failed", WAIT, () -> !outbox.deliveries(EnumSet.of(DeliveryStatus.FAILED)).isEmpty());
            assertThat(outbox.undelivered().get(0).lastError()).isEqualTo("contact carol has no email address");
        }
    }

    @Test
    void withActionsAProblemMailCarriesSignedAcknowledgeAndDowntimeLinksBoundToItsProblemAndContact()
            throws Exception {
        EmailActions actions = EmailActions.of(true, "0123456789abcdefghijklmnopqrstuvwxyz", 24, 2);
        EmailChannel channel = new EmailChannel(settings().withActions(actions));
        Notification p = problem("web1", "HTTP", 2);
        Notification withId = new Notification(p.type(), p.contact(), p.host(), p.service(), p.state(), p.stateType(),
                p.output(), p.longOutput(), p.attempt(), p.duration(), p.notificationNumber(), "", "", p.time(),
                java.util.Map.of("SERVICEPROBLEMID", "17"));
        MimeMultipart parts = (MimeMultipart) channel.compose(withId, "k").getContent();
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "http://vigil\\.example\\.org:8080/email-action\\?t=([A-Za-z0-9_.-]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        ActionToken ack = actions.tokens().verify(m.group(1), p.time()).token();
        assertThat(m.find()).as(text).isTrue();
        ActionToken down = actions.tokens().verify(m.group(1), p.time()).token();
        assertThat(ack.action()).isEqualTo(ActionToken.Action.ACKNOWLEDGE);
        assertThat(down.action()).isEqualTo(ActionToken.Action.DOWNTIME);
        assertThat(List.of(ack.host(), ack.service(), ack.problemId(), ack.contact(), ack.expires()))
                .containsExactly("web1", "HTTP", 17L, "alice", p.time().plus(Duration.ofHours(24)));
        assertThat(ack.id()).isNotEqualTo(down.id());
        assertThat(text).contains("Acknowledge (as alice):\n").contains("Schedule 2 h downtime:\n");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("id=\"vigil-acknowledge\" href=\""
                + "http://vigil.example.org:8080/email-action?t=");
        // no links: without a problem id, on other notification types, and when not enabled
        assertThat(((MimeMultipart) channel.compose(p, "k").getContent()).getBodyPart(0).getContent().toString())
                .doesNotContain("email-action");
        assertThat(((MimeMultipart) channel.compose(acknowledgement("web1", "HTTP", 3), "k").getContent())
                .getBodyPart(0).getContent().toString()).doesNotContain("email-action");
        assertThat(((MimeMultipart) new EmailChannel(settings()).compose(withId, "k").getContent()).getBodyPart(0)
                .getContent().toString()).doesNotContain("email-action").doesNotContain("Acknowledge (as");
    }
}
