package org.vigil.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.notify.delivery.Notifications.problem;
import static org.vigil.notify.delivery.Notifications.recovery;
import static org.vigil.notify.outbox.ScriptedChannel.Outcome.OK;
import static org.vigil.notify.outbox.ScriptedChannel.Outcome.PERMANENT;
import static org.vigil.notify.outbox.ScriptedChannel.Outcome.TEMPORARY;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.delivery.Await;
import org.vigil.notify.delivery.Notification;

class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private OutboxSettings settings() {
        return OutboxSettings.embedded(dir).withBackoff(new Backoff(Duration.ofMillis(40), Duration.ofMillis(160)))
                .withPollInterval(Duration.ofMillis(200));
    }

    private Outbox open(ScriptedChannel... channels) {
        return Outbox.open(settings(), List.of(channels), Clock.systemUTC(), log::add);
    }

    @Test
    void deliversOnceAndLogs() {
        ScriptedChannel email = new ScriptedChannel("email");
        try (Outbox outbox = open(email)) {
            Notification n = problem("web1", "HTTP", 1);
            assertThat(outbox.enqueue(n, List.of("email"))).isEqualTo(1);
            Await.until("delivered", WAIT, () -> email.delivered().size() == 1);
            assertThat(email.delivered()).containsExactly("PROBLEM web1/HTTP #1 " + n.eventKey() + ":email");
            Await.until("logged", WAIT, () -> log.contains("NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;delivered"));
            assertThat(outbox.undelivered()).isEmpty();
        }
    }

    @Test
    void theSameNotificationEnqueuedTwiceIsSentOnce() {
        ScriptedChannel email = new ScriptedChannel("email");
        try (Outbox outbox = open(email)) {
            Notification n = problem("web1", "HTTP", 1);
            assertThat(outbox.enqueue(n, List.of("email"))).isEqualTo(1);
            Await.until("delivered", WAIT, () -> email.delivered().size() == 1);
            assertThat(outbox.enqueue(n, List.of("email"))).isZero();
            Await.quietly(Duration.ofMillis(300));
            assertThat(email.delivered()).hasSize(1);
        }
    }

    @Test
    void temporaryFailuresAreRetriedWithGrowingCappedBackoff() {
        ScriptedChannel email = new ScriptedChannel("email").then(TEMPORARY, TEMPORARY, TEMPORARY, TEMPORARY, OK);
        try (Outbox outbox = open(email)) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("email"));
            Await.until("delivered", WAIT, () -> email.delivered().size() == 1);
            List<Long> t = email.attemptTimes();
            assertThat(t).hasSize(5);
            // Waits of 40, 80, 160 and 160 ms (capped): each at least its backoff.
            assertThat(t.get(1) - t.get(0)).isGreaterThanOrEqualTo(39);
            assertThat(t.get(2) - t.get(1)).isGreaterThanOrEqualTo(79);
            assertThat(t.get(3) - t.get(2)).isGreaterThanOrEqualTo(159);
            assertThat(t.get(4) - t.get(3)).isGreaterThanOrEqualTo(159);
            Await.until("logged", WAIT, () -> log.contains(
                    "NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;delivered at attempt 5"));
            assertThat(log).contains(
                    "NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;attempt 1 failed (connection refused), retrying in 40ms",
                    "NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;attempt 3 failed (connection refused), retrying in 160ms",
                    "NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;attempt 4 failed (connection refused), retrying in 160ms");
        }
    }

    @Test
    void aPermanentFailureIsListedWithItsErrorAndCanBeRetried() {
        ScriptedChannel email = new ScriptedChannel("email").then(PERMANENT);
        try (Outbox outbox = open(email)) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("email"));
            Await.until("failed", WAIT, () -> !outbox.deliveries(java.util.EnumSet.of(DeliveryStatus.FAILED)).isEmpty());
            Delivery failed = outbox.undelivered().get(0);
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.lastError()).isEqualTo("550 no such user");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.notification().host()).isEqualTo("web1");
            Await.until("logged", WAIT, () -> log.contains("NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;FAILED"
                    + " after 1 attempt (550 no such user), not retried"));
            assertThat(email.delivered()).isEmpty();

            assertThat(outbox.retry(failed.id())).isTrue();
            Await.until("delivered", WAIT, () -> email.delivered().size() == 1);
            assertThat(outbox.retry(failed.id())).isFalse();
        }
    }

    @Test
    void givesUpOnTemporaryFailuresAfterTheConfiguredTime() {
        ScriptedChannel email = new ScriptedChannel("email").otherwise(TEMPORARY);
        OutboxSettings s = settings().withGiveUpAfter(Duration.ofMillis(300));
        try (Outbox outbox = Outbox.open(s, List.of(email), Clock.systemUTC(), log::add)) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("email"));
            Await.until("failed", WAIT, () -> outbox.undelivered().stream()
                    .anyMatch(d -> d.status() == DeliveryStatus.FAILED));
            assertThat(outbox.undelivered().get(0).lastError()).isEqualTo("connection refused");
            Await.until("logged", WAIT, () -> log.stream().anyMatch(l -> l.matches(
                    "NOTIFICATION DELIVERY: email;alice;web1;HTTP;PROBLEM;FAILED after \\d+ attempts \\(connection refused\\), giving up")));
        }
    }

    @Test
    void pendingDeliveriesSurviveARestartAndAreSentOnce() {
        ScriptedChannel down = new ScriptedChannel("email").otherwise(TEMPORARY);
        Notification first = problem("web1", "HTTP", 1);
        Notification second = problem("db1", "MySQL", 1);
        try (Outbox outbox = open(down)) {
            outbox.enqueue(first, List.of("email"));
            outbox.enqueue(second, List.of("email"));
            Await.until("tried", WAIT, () -> down.attemptTimes().size() >= 2);
            assertThat(outbox.undelivered()).hasSize(2).allMatch(d -> d.status() == DeliveryStatus.PENDING);
        }
        ScriptedChannel up = new ScriptedChannel("email");
        try (Outbox outbox = open(up)) {
            Await.until("delivered", WAIT, () -> up.delivered().size() == 2);
            assertThat(outbox.enqueue(first, List.of("email"))).isZero();
            Await.quietly(Duration.ofMillis(300));
            assertThat(up.delivered()).hasSize(2);
            assertThat(outbox.undelivered()).isEmpty();
        }
        ScriptedChannel again = new ScriptedChannel("email");
        try (Outbox outbox = open(again)) {
            Await.quietly(Duration.ofMillis(300));
            assertThat(again.delivered()).isEmpty();
        }
    }

    @Test
    void oneContactsNotificationsAboutOneServiceKeepTheirOrderOthersDoNotWait() {
        ScriptedChannel pager = new ScriptedChannel("pager").thenFor("web1/HTTP", TEMPORARY, TEMPORARY);
        try (Outbox outbox = open(pager)) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("pager"));
            outbox.enqueue(recovery("web1", "HTTP", 1), List.of("pager"));
            outbox.enqueue(problem("db1", "MySQL", 1), List.of("pager"));
            Await.until("delivered", WAIT, () -> pager.delivered().size() == 3);
            assertThat(pager.delivered()).extracting(s -> s.substring(0, s.indexOf(" #")))
                    .containsExactly("PROBLEM db1/MySQL", "PROBLEM web1/HTTP", "RECOVERY web1/HTTP");
        }
    }

    @Test
    void eachChannelHasItsOwnWorkerSoOneOutageDoesNotHoldUpTheOther() {
        ScriptedChannel email = new ScriptedChannel("email").otherwise(TEMPORARY);
        ScriptedChannel pager = new ScriptedChannel("pager");
        try (Outbox outbox = open(email, pager)) {
            assertThat(outbox.enqueue(problem("web1", "HTTP", 1), List.of("email", "pager"))).isEqualTo(2);
            Await.until("paged", WAIT, () -> pager.delivered().size() == 1);
            Await.until("email tried", WAIT, () -> email.attemptTimes().size() >= 2);
            assertThat(email.delivered()).isEmpty();
            assertThat(outbox.undelivered()).singleElement().satisfies(d -> {
                assertThat(d.channel()).isEqualTo("email");
                assertThat(d.lastError()).isEqualTo("connection refused");
            });
        }
    }

    @Test
    void anUnknownChannelIsLoggedAndNothingIsStoredForIt() {
        ScriptedChannel email = new ScriptedChannel("email");
        try (Outbox outbox = open(email)) {
            assertThat(outbox.enqueue(problem("web1", "HTTP", 1), List.of("sms"))).isZero();
            assertThat(log).containsExactly("NOTIFICATION DELIVERY: sms;alice;web1/HTTP;PROBLEM;not queued: there is"
                    + " no channel named 'sms' (channels: email)");
            assertThat(outbox.undelivered()).isEmpty();
        }
    }

    @Test
    void aUrlForAnotherDatabaseIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Outbox.open(OutboxSettings.of("jdbc:mysql://db/vigil"), List.of(), Clock.systemUTC(),
                log::add)).isInstanceOf(OutboxException.class)
                .hasMessage("jdbc:mysql://db/vigil: the outbox runs on H2 or PostgreSQL only (use a jdbc:h2:file: or"
                        + " jdbc:postgresql: URL)");
    }

    @Test
    void aSecondOutboxOnTheSameFileIsRefused() {
        try (Outbox outbox = open(new ScriptedChannel("email"))) {
            assertThatThrownBy(() -> open(new ScriptedChannel("email"))).isInstanceOf(OutboxException.class)
                    .hasMessageStartingWith(dir.resolve("vigil-outbox.mv.db") + ": cannot open the notification outbox");
        }
    }
}
