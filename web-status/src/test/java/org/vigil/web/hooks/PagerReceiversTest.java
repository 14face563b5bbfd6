package org.vigil.web.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.web.hooks.PagerPayloads.nanos;
import static org.vigil.web.hooks.PagerPayloads.opsgenie;
import static org.vigil.web.hooks.PagerPayloads.pagerDuty;
import static org.vigil.web.hooks.PagerPayloads.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.auth.PasswordHash;
import org.vigil.web.auth.UserConfig;

/**
 * The pagers' receivers on the real daemon and web server: signed PagerDuty v3 and token-carrying Opsgenie
 * webhooks, in the vendors' documented shapes, acknowledge, unacknowledge and comment through the command path
 * (the Nagios log shows each command); a bad signature or token, a replay, a stale event, an unknown dedup key, an
 * oversized or malformed body and an acknowledgement of an OK service change nothing, and every outcome is counted
 * in {@code /metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagerReceiversTest {

    private static final String OLD_SECRET = "old-secret-0123456789abcdef";
    private static final String NEW_SECRET = "new-secret-0123456789abcdef";
    private static final String TOKEN = "opsgenie-token-0123456789";

    private WebFixture web;

    /** One daemon for the PagerDuty and the Opsgenie test: they act on different objects and count apart. */
    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        VigilConfiguration config = new VigilConfiguration();
        config.receivers.pagerduty.enabled = true;
        config.receivers.pagerduty.signingSecrets = List.of(OLD_SECRET, NEW_SECRET);
        config.receivers.opsgenie.enabled = true;
        config.receivers.opsgenie.tokens = List.of(TOKEN);
        config.receivers.maxBodyBytes = 4096;
        web = new WebFixture(dir, config);
        web.commands(List.of("PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRITICAL - connection refused",
                "PROCESS_SERVICE_CHECK_RESULT;web1;disk;0;DISK OK",
                "PROCESS_HOST_CHECK_RESULT;db1;1;DOWN - no route"));
    }

    @AfterAll
    void stop() {
        web.close();
    }

    @Test
    void aPagerDutyAcknowledgementAcknowledgesAndRefusalsChangeNothing() throws Exception {
        Instant now = Instant.now();
        // PagerDuty rotates secrets: the header carries one signature per secret; the newer one alone does too
        String ack = pagerDuty("01ACK", "incident.acknowledged", now, "vigil/web1/http", "Tenex Engineer");
        WebFixture.Reply done = pd(ack, signature(ack, NEW_SECRET));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("result").asText()).isEqualTo("acknowledged");
        assertThat(acknowledged("web1", "http")).isTrue();
        assertThat(log()).contains("EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;1;0;Tenex Engineer;"
                + "acknowledged in PagerDuty");
        JsonNode comments = web.get("/api/v1/comments?host=web1&service=http").body();
        assertThat(comments.toString()).contains("Tenex Engineer").contains("acknowledged in PagerDuty");

        refused(pd(ack, signature(ack, OLD_SECRET, NEW_SECRET)), 409, "replay");
        String unack = pagerDuty("02UNACK", "incident.unacknowledged", now, "vigil/web1/http", "Mallory");
        refused(pd(unack, signature(unack, "not-the-secret-0123456789")), 401, "bad_signature");
        refused(pd(unack, null), 401, "bad_signature");
        String stale = pagerDuty("03OLD", "incident.unacknowledged", now.minusSeconds(3600), "vigil/web1/http", "x");
        refused(pd(stale, signature(stale, OLD_SECRET)), 409, "stale");
        String unknown = pagerDuty("04UNKNOWN", "incident.unacknowledged", now, "vigil/web1/nosuch", "x");
        refused(pd(unknown, signature(unknown, OLD_SECRET)), 422, "unknown_key");
        String notJson = "{\"event\": [";
        refused(pd(notJson, signature(notJson, OLD_SECRET)), 400, "malformed");
        String big = pagerDuty("05BIG", "incident.unacknowledged", now, "vigil/web1/http", "x".repeat(5000));
        refused(pd(big, signature(big, OLD_SECRET)), 413, "too_large");
        assertThat(acknowledged("web1", "http")).as("nothing refused changed the acknowledgement").isTrue();

        // an OK service has no problem to acknowledge: the engine refuses the command, logged as Nagios logs it
        String okAck = pagerDuty("06OK", "incident.acknowledged", now, "vigil/web1/disk", "Tenex Engineer");
        refused(pd(okAck, signature(okAck, OLD_SECRET)), 409, "not_a_problem");
        assertThat(acknowledged("web1", "disk")).isFalse();

        // PagerDuty's own ack timeout un-acknowledges: Vigil's acknowledgement goes, so notifications resume
        String back = pagerDuty("07UNACK", "incident.unacknowledged", now, "vigil/web1/http", "Tenex Engineer");
        assertThat(pd(back, signature(back, OLD_SECRET)).body().get("result").asText()).isEqualTo("unacknowledged");
        assertThat(acknowledged("web1", "http")).isFalse();
        assertThat(log()).contains("EXTERNAL COMMAND: REMOVE_SVC_ACKNOWLEDGEMENT;web1;http");

        // a resolve never forces the state: a comment, and the service stays CRITICAL until its next check
        String resolve = pagerDuty("08RES", "incident.resolved", now, "vigil/web1/http", "Tenex Engineer");
        assertThat(pd(resolve, signature(resolve, OLD_SECRET)).body().get("result").asText()).isEqualTo("commented");
        assertThat(web.get("/api/v1/comments?host=web1&service=http").body().toString())
                .contains("resolved in PagerDuty by Tenex Engineer");
        assertThat(status("web1", "http").get("state").asText()).isEqualTo("CRITICAL");
        String triggered = pagerDuty("09TRIG", "incident.triggered", now, "vigil/web1/http", "x");
        assertThat(pd(triggered, signature(triggered, OLD_SECRET)).status()).isEqualTo(202);

        String metrics = web.admin("/metrics").text();
        assertThat(metrics).contains("vigil_receiver_events_total{receiver=\"pagerduty\",result=\"acknowledged\"} 1")
                .contains("vigil_receiver_events_total{receiver=\"pagerduty\",result=\"unacknowledged\"} 1")
                .contains("vigil_receiver_events_total{receiver=\"pagerduty\",result=\"commented\"} 1")
                .contains("vigil_receiver_events_total{receiver=\"pagerduty\",result=\"ignored\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"bad_signature\"} 2")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"replay\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"stale\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"unknown_key\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"malformed\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"too_large\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"not_a_problem\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"opsgenie\",reason=\"bad_token\"} ")
                .doesNotContain("receiver=\"opsgenie\",reason=\"bad_signature\"");
    }

    @Test
    void anOpsgenieAcknowledgementOfAHostAndTheLoopBackOfVigilsOwn() throws Exception {
        long at = nanos(Instant.now());
        String ack = opsgenie("Acknowledge", "052652ac-5d1c-464a-812a-7dd18bbfba8c", at, "vigil/db1",
                "fili@example.com");
        refused(og(ack, "X-Vigil-Token", "wrong-token-0123456789"), 401, "bad_token");
        assertThat(acknowledged("db1", null)).isFalse();
        WebFixture.Reply done = og(ack, "Authorization", "Bearer " + TOKEN);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(acknowledged("db1", null)).isTrue();
        assertThat(log()).contains("EXTERNAL COMMAND: ACKNOWLEDGE_HOST_PROBLEM;db1;2;1;0;fili@example.com;"
                + "acknowledged in Opsgenie");
        // Vigil sends its acknowledgement on to Opsgenie, which reports it back: not acknowledged (nor notified) again
        String echo = opsgenie("AcknowledgeAlert", "052652ac-5d1c-464a-812a-7dd18bbfba8c", at + 1, "vigil/db1",
                "fili@example.com");
        assertThat(og(echo, "X-Vigil-Token", TOKEN).body().get("result").asText()).isEqualTo("unchanged");
        assertThat(log().split("ACKNOWLEDGE_HOST_PROBLEM;db1", -1).length - 1).isEqualTo(1);
        refused(og(ack, "X-Vigil-Token", TOKEN), 409, "replay");
        String close = opsgenie("Close", "052652ac-5d1c-464a-812a-7dd18bbfba8c", at + 2, "vigil/db1", "fili");
        assertThat(og(close, "X-Vigil-Token", TOKEN).body().get("result").asText()).isEqualTo("commented");
        assertThat(web.admin("/metrics").text())
                .contains("vigil_receiver_events_total{receiver=\"opsgenie\",result=\"acknowledged\"} 1")
                .contains("vigil_receiver_events_total{receiver=\"opsgenie\",result=\"unchanged\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"opsgenie\",reason=\"bad_token\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"opsgenie\",reason=\"replay\"} 1");
        WebFixture.Reply get = web.get("/hooks/opsgenie");
        assertThat(get.status()).isEqualTo(405);
        assertThat(web.get("/hooks/elsewhere").status()).isEqualTo(404);
    }

    @Test
    void outsideTheLoginAndNotFoundWhenDisabled(@TempDir Path other) throws Exception {
        VigilConfiguration config = new VigilConfiguration();
        config.receivers.pagerduty.enabled = true;
        config.receivers.pagerduty.signingSecrets = List.of(NEW_SECRET);
        config.auth.users = List.of(new UserConfig("ann", PasswordHash.hash("a-secret"), null, true, false));
        try (WebFixture only = new WebFixture(other, config)) {
            only.commands(List.of("PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRITICAL - connection refused"));
            assertThat(only.get("/api/v1/hosts").status()).as("the pages need a user").isEqualTo(401);
            String pd = pagerDuty("01LOGIN", "incident.acknowledged", Instant.now(), "vigil/web1/http", "Ann");
            WebFixture.Reply acked = only.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + only.web.port()
                    + "/hooks/pagerduty")).header("X-PagerDuty-Signature", signature(pd, NEW_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofString(pd)));
            assertThat(acked.status()).as("the signature is the pager's credential").isEqualTo(200);
            String ack = opsgenie("Acknowledge", "a1", nanos(Instant.now()), "vigil/db1", "fili");
            WebFixture.Reply r = only.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + only.web.port()
                    + "/hooks/opsgenie")).header("X-Vigil-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(ack)));
            refused(r, 404, "disabled");
            assertThat(only.admin("/metrics").text())
                    .contains("vigil_receiver_refused_total{receiver=\"opsgenie\",reason=\"disabled\"} 1");
        }
    }

    private WebFixture.Reply pd(String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hooks("pagerduty")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-PagerDuty-Signature", signature);
        }
        return web.send(b);
    }

    private WebFixture.Reply og(String body, String header, String value) throws Exception {
        return web.send(HttpRequest.newBuilder(hooks("opsgenie")).header("Content-Type", "application/json")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI hooks(String name) {
        return URI.create("http://127.0.0.1:" + web.web.port() + "/hooks/" + name);
    }

    private static void refused(WebFixture.Reply r, int status, String reason) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.body().get("reason").asText()).as(r.text()).isEqualTo(reason);
        assertThat(r.body().get("detail").asText()).isNotBlank();
    }

    private JsonNode status(String host, String service) throws Exception {
        web.web.reader().invalidate();
        JsonNode body = web.get(service == null ? "/api/v1/hosts/" + host : "/api/v1/services/" + host + "/"
                + service).body();
        return body.get(service == null ? "host" : "service").get("status");
    }

    private boolean acknowledged(String host, String service) throws Exception {
        return status(host, service).get("acknowledged").asBoolean();
    }

    private String log() throws Exception {
        return Files.readString(web.dir.resolve("nagios.log"));
    }
}
