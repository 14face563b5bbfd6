package org.vigil.notify.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.notify.delivery.Notifications.acknowledgement;
import static org.vigil.notify.delivery.Notifications.hostDown;
import static org.vigil.notify.delivery.Notifications.problem;
import static org.vigil.notify.delivery.Notifications.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.delivery.Await;
import org.vigil.notify.delivery.Notification;
import org.vigil.notify.outbox.Backoff;
import org.vigil.notify.outbox.DeliveryStatus;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxSettings;

/** The webhook channel against a real HTTP server in the test, through the outbox. */
class WebhookChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Receiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private Outbox outbox(WebhookSettings settings) {
        return Outbox.open(OutboxSettings.embedded(dir).withBackoff(new Backoff(Duration.ofMillis(50),
                Duration.ofMillis(400))).withPollInterval(Duration.ofMillis(200)),
                List.of(new WebhookChannel(settings)), Clock.systemUTC(), log::add);
    }

    private WebhookSettings pagerDuty(URI uri) {
        return WebhookSettings.of("pager", uri, WebhookSettings.Style.PAGERDUTY).withRoutingKey("R0UT1NG")
                .withHeaders(Map.of("X-Test", "yes")).withStatusPage("http://vigil:8080")
                .withTimeout(Duration.ofSeconds(5));
    }

    @Test
    void triggerAcknowledgeResolveShareOneDedupKeyInPagerDutyShape() throws Exception {
        receiver = new Receiver(0);
        try (Outbox outbox = outbox(pagerDuty(receiver.uri()))) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("pager"));
            outbox.enqueue(acknowledgement("web1", "HTTP", 1), List.of("pager"));
            outbox.enqueue(recovery("web1", "HTTP", 2), List.of("pager"));
            outbox.enqueue(hostDown("db1", 1), List.of("pager"));
            Await.until("four accepted", WAIT, () -> receiver.accepted().size() == 4);
        }
        List<Receiver.Request> all = receiver.requests();
        assertThat(all).hasSize(4);
        // Order holds within one host or service; the host's event may come anywhere.
        List<Receiver.Request> got = new java.util.ArrayList<>(all.stream()
                .filter(r -> r.body().contains("\"vigil/web1/HTTP\"")).toList());
        got.addAll(all.stream().filter(r -> r.body().contains("\"vigil/db1\"")).toList());
        assertThat(got).hasSize(4);
        JsonNode trigger = JSON.readTree(got.get(0).body());
        assertThat(trigger.get("routing_key").asText()).isEqualTo("R0UT1NG");
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo("vigil/web1/HTTP");
        JsonNode payload = trigger.get("payload");
        assertThat(payload.get("summary").asText())
                .isEqualTo("PROBLEM: web1/HTTP is CRITICAL - CRITICAL - Socket timeout after 10 seconds");
        assertThat(payload.get("source").asText()).isEqualTo("web1");
        assertThat(payload.get("severity").asText()).isEqualTo("critical");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-11-25T10:15:31Z");
        assertThat(payload.get("component").asText()).isEqualTo("HTTP");
        assertThat(payload.get("custom_details").get("long_output").asText()).isEqualTo("line two\nline three");
        assertThat(payload.get("custom_details").get("attempt").asInt()).isEqualTo(3);
        assertThat(payload.get("custom_details").get("duration").asText()).isEqualTo("0d 1h 2m 3s");
        assertThat(trigger.get("links").get(0).get("href").asText()).isEqualTo("http://vigil:8080/hosts/web1/services/HTTP");

        JsonNode ack = JSON.readTree(got.get(1).body());
        assertThat(ack.get("event_action").asText()).isEqualTo("acknowledge");
        assertThat(ack.get("dedup_key").asText()).isEqualTo("vigil/web1/HTTP");
        assertThat(ack.has("payload")).isFalse();
        JsonNode resolve = JSON.readTree(got.get(2).body());
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asText()).isEqualTo("vigil/web1/HTTP");
        JsonNode host = JSON.readTree(got.get(3).body());
        assertThat(host.get("dedup_key").asText()).isEqualTo("vigil/db1");
        assertThat(host.get("payload").get("component").asText()).isEqualTo("db1");

        assertThat(got).allSatisfy(r -> {
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("X-Test")).isEqualTo("yes");
        });
        assertThat(got.stream().map(r -> r.header("Idempotency-Key")).distinct()).hasSize(4);
    }

    @Test
    void opsgenieShapeUsesTheAliasAndCreateAcknowledgeClose() throws Exception {
        receiver = new Receiver(0);
        WebhookSettings s = WebhookSettings.of("opsgenie", receiver.uri(), WebhookSettings.Style.OPSGENIE)
                .withHeaders(Map.of("Authorization", "GenieKey abc"));
        try (Outbox outbox = outbox(s)) {
            outbox.enqueue(problem("web1", "HTTP \"quoted\"", 1), List.of("opsgenie"));
            outbox.enqueue(acknowledgement("web1", "HTTP \"quoted\"", 1), List.of("opsgenie"));
            outbox.enqueue(recovery("web1", "HTTP \"quoted\"", 1), List.of("opsgenie"));
            Await.until("three accepted", WAIT, () -> receiver.accepted().size() == 3);
        }
        List<JsonNode> bodies = receiver.requests().stream().map(r -> read(r.body())).toList();
        assertThat(bodies).extracting(b -> b.get("action").asText()).containsExactly("create", "acknowledge", "close");
        assertThat(bodies).extracting(b -> b.get("alias").asText()).containsOnly("vigil/web1/HTTP \"quoted\"");
        assertThat(bodies.get(0).get("message").asText()).isEqualTo("PROBLEM: web1/HTTP \"quoted\" is CRITICAL");
        assertThat(bodies.get(0).get("priority").asText()).isEqualTo("P1");
        assertThat(bodies.get(1).get("user").asText()).isEqualTo("bob");
        assertThat(bodies.get(1).get("note").asText()).isEqualTo("looking at it <now> & later");
        assertThat(receiver.requests()).allMatch(r -> "GenieKey abc".equals(r.header("Authorization")));
    }

    @Test
    void a500IsRetriedWithTheSameKeyUntilAcceptedThenNeverSentAgain() throws Exception {
        receiver = new Receiver(0).answer(500, 503);
        try (Outbox outbox = outbox(pagerDuty(receiver.uri()))) {
            Notification n = problem("web1", "HTTP", 1);
            outbox.enqueue(n, List.of("pager"));
            Await.until("accepted", WAIT, () -> receiver.accepted().size() == 1);
            Await.until("logged", WAIT, () -> log.contains(
                    "NOTIFICATION DELIVERY: pager;alice;web1;HTTP;PROBLEM;delivered at attempt 3"));
            assertThat(log).contains("NOTIFICATION DELIVERY: pager;alice;web1;HTTP;PROBLEM;attempt 1 failed (POST "
                    + receiver.uri() + ": HTTP 500: {\"message\":\"oops 500\"}), retrying in 50ms");
            assertThat(outbox.enqueue(n, List.of("pager"))).isZero();
            Await.quietly(Duration.ofMillis(500));
        }
        assertThat(receiver.requests()).hasSize(3);
        assertThat(receiver.requests().stream().map(r -> r.header("Idempotency-Key")).distinct()).hasSize(1);
        assertThat(receiver.accepted()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedUntilTheReceiverIsUpThenDeliveredOnce() throws Exception {
        int port = freePort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/v2/enqueue");
        try (Outbox outbox = outbox(pagerDuty(uri))) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("pager"));
            outbox.enqueue(recovery("web1", "HTTP", 1), List.of("pager"));
            Await.until("retried", WAIT, () -> outbox.undelivered().get(0).attempts() >= 3);
            assertThat(outbox.undelivered().get(0).lastError()).startsWith("POST " + uri + ": ConnectException");
            // The recovery waits behind the problem it resolves.
            assertThat(outbox.undelivered().get(1).attempts()).isZero();

            receiver = new Receiver(port);
            Await.until("both accepted", WAIT, () -> receiver.accepted().size() == 2);
            Await.until("nothing pending", WAIT, () -> outbox.undelivered().isEmpty());
            Await.quietly(Duration.ofMillis(500));
        }
        assertThat(receiver.requests()).extracting(r -> read(r.body()).get("event_action").asText())
                .containsExactly("trigger", "resolve");
    }

    @Test
    void a400IsFinalAndListedWithTheReceiversAnswer() throws Exception {
        receiver = new Receiver(0).answer(400);
        try (Outbox outbox = outbox(pagerDuty(receiver.uri()))) {
            outbox.enqueue(problem("web1", "HTTP", 1), List.of("pager"));
            Await.until("failed", WAIT, () -> !outbox.deliveries(EnumSet.of(DeliveryStatus.FAILED)).isEmpty());
            assertThat(outbox.undelivered().get(0).lastError())
                    .isEqualTo("POST " + receiver.uri() + ": HTTP 400: {\"message\":\"oops 400\"}");
            Await.quietly(Duration.ofMillis(300));
        }
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aSiteTemplateReplacesTheBodyAndOneThatIsNotJsonFails() throws Exception {
        receiver = new Receiver(0);
        Files.writeString(dir.resolve("slack.ftl"), "{\"text\": \"${(type + \" \" + subject + \": \" + output)?json_string}\"}");
        Files.writeString(dir.resolve("broken.ftl"), "{\"text\": ${output}}");
        WebhookSettings slack = WebhookSettings.of("slack", receiver.uri(), WebhookSettings.Style.PAGERDUTY)
                .withTemplate(dir, "slack.ftl");
        WebhookChannel broken = new WebhookChannel(slack.withTemplate(dir, "broken.ftl"));
        assertThat(JSON.readTree(new WebhookChannel(slack).render(problem("web1", "HTTP", 1))).get("text").asText())
                .isEqualTo("PROBLEM web1/HTTP: CRITICAL - Socket timeout after 10 seconds");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                org.vigil.notify.delivery.DeliveryException.class, () -> broken.render(problem("web1", "HTTP", 1))))
                .satisfies(e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("template broken.ftl did not give JSON: Unrecognized token 'CRITICAL'");
                });
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
