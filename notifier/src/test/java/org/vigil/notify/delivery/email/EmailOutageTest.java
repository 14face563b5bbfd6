package org.vigil.notify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.notify.delivery.Notifications.problem;
import static org.vigil.notify.delivery.Notifications.recovery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.delivery.Await;
import org.vigil.notify.outbox.Backoff;
import org.vigil.notify.outbox.Delivery;
import org.vigil.notify.outbox.DeliveryStatus;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxSettings;

/** The SMTP server goes away and comes back on the same port; the outbox closes and reopens. Nothing lost, nothing twice. */
class EmailOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final int port = freePort();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private GreenMail smtp;

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startServer() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private Outbox outbox() {
        EmailSettings email = EmailSettings.plain("127.0.0.1", port, "vigil@example.org")
                .withTimeout(Duration.ofSeconds(5));
        return Outbox.open(OutboxSettings.embedded(dir).withBackoff(new Backoff(Duration.ofMillis(50),
                Duration.ofMillis(400))).withPollInterval(Duration.ofMillis(200)), List.of(new EmailChannel(email)),
                Clock.systemUTC(), log::add);
    }

    @Test
    void mailsQueuedDuringAnOutageAreDeliveredOnceWhenTheServerReturns() throws Exception {
        startServer();
        try (Outbox outbox = outbox()) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("email"));
            assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
            // GreenMail counts a mail before it answers the client; stop only once the outbox has the answer.
            Await.until("first delivered", WAIT, () -> log.contains(
                    "NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;delivered"));

            smtp.stop();
            outbox.enqueue(recovery("web1", "HTTP", 1), List.of("email"));
            outbox.enqueue(problem("db1", "MySQL", 1), List.of("email"));
            Await.until("two failed attempts each", WAIT, () -> outbox.undelivered().size() == 2
                    && outbox.undelivered().stream().allMatch(d -> d.attempts() >= 2));
            for (Delivery d : outbox.undelivered()) {
                assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(d.lastError()).startsWith("SMTP 127.0.0.1:" + port + ": Couldn't connect to host")
                        .contains("Connection refused");
            }
            assertThat(log).anyMatch(l -> l.startsWith("NOTIFICATION DELIVERY: email;alice;web1;HTTP;RECOVERY;attempt 1"
                    + " failed (SMTP 127.0.0.1:" + port + ": Couldn't connect to host"));

            startServer();
            assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
            Await.until("nothing pending", WAIT, () -> outbox.undelivered().isEmpty());
            Await.quietly(Duration.ofMillis(600));
            assertThat(subjects(smtp.getReceivedMessages())).containsExactlyInAnyOrder(
                    "** RECOVERY Service Alert: web1/HTTP is OK **", "** PROBLEM Service Alert: db1/MySQL is CRITICAL **");
        }
    }

    @Test
    void mailsPendingWhenTheOutboxClosesAreDeliveredOnceAfterItReopens() throws Exception {
        try (Outbox outbox = outbox()) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("email"));
            outbox.enqueue(problem("db1", "MySQL", 1), List.of("email"));
            Await.until("tried", WAIT, () -> outbox.undelivered().stream().allMatch(d -> d.attempts() >= 1));
        }
        startServer();
        try (Outbox outbox = outbox()) {
            assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
            Await.until("nothing pending", WAIT, () -> outbox.undelivered().isEmpty());
            // The same notification handed over again after the restart (a replay) is not sent again.
            assertThat(outbox.enqueue(problem("web1", "HTTP", 1), List.of("email"))).isZero();
        }
        try (Outbox outbox = outbox()) {
            Await.quietly(Duration.ofMillis(600));
            assertThat(outbox.undelivered()).isEmpty();
        }
        assertThat(subjects(smtp.getReceivedMessages())).containsExactlyInAnyOrder(
                "** PROBLEM Service Alert: web1/HTTP is CRITICAL **", "** PROBLEM Service Alert: db1/MySQL is CRITICAL **");
    }

    private static List<String> subjects(MimeMessage[] mails) throws MessagingException {
        List<String> s = new ArrayList<>();
        for (MimeMessage m : mails) {
            s.add(m.getSubject());
        }
        return s;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
