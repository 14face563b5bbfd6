package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.delivery.email.ActionToken;
import org.vigil.notify.delivery.email.ActionTokens;
import org.vigil.notify.delivery.email.EmailActions;
import org.vigil.notify.delivery.email.EmailSettings;
import org.vigil.notify.setup.Notifications;
import org.vigil.notify.setup.NotifySettings;
import org.vigil.web.api.RawHttp;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;

/**
 * {@code /email-action} on the real app and engine, with links signed as the email channel signs them: the GET
 * page changes nothing, a POST acknowledges once as the contact, a link of an ended problem or an expired one is
 * refused, and forged links from one address are throttled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailActionPageTest {

    private static final EmailActions ACTIONS = EmailActions.of(true, "0123456789abcdefghijklmnopqrstuvwxyz", 24, 2);
    private static final ActionTokens TOKENS = ACTIONS.tokens();

    WebFixture web;
    Notifications notifications;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vigil.yml"), "pages: { refresh_seconds: 0 }\n");
        EmailSettings email = EmailSettings.plain("127.0.0.1", 9, "vigil@example.com")
                .withStatusPage("http://vigil.example.com/").withActions(ACTIONS);
        notifications = new Notifications(new NotifySettings(Optional.of(email), List.of(),
                Optional.of("jdbc:h2:file:" + dir.resolve("outbox")), Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofHours(1)), Clock.systemUTC());
        web = WebFixture.withNotifications(dir, WebServer.configuration(dir.resolve("vigil.yml")), notifications);
    }

    @AfterAll
    void stop() {
        web.close();
        notifications.close();
    }

    private ActionToken token(String service, ActionToken.Action action, Instant expires) {
        long problem = EmailActionResource.target(web.web.reader().fresh(), new ActionToken("x", action, "web1",
                service, 0, "alice", expires)).orElseThrow().problemId();
        return new ActionToken(ActionTokens.newId(), action, "web1", service, problem, "alice", expires);
    }

    private WebFixture.Reply post(String token) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.web.port() + "/email-action"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
    }

    @Test
    void aConfirmedLinkAcknowledgesOnceAsTheContactAndItsGetChangesNothing() throws Exception {
        web.commands(List.of("PROCESS_SERVICE_CHECK_RESULT;web1;http;2;HTTP CRITICAL - refused"));
        String t = TOKENS.sign(token("http", ActionToken.Action.ACKNOWLEDGE, Instant.now().plusSeconds(3600)));
        WebFixture.Reply page = web.get("/email-action?t=" + t);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"email-action-confirm\"").contains("HTTP CRITICAL - refused")
                .contains("name=\"t\" value=\"" + t + "\"");
        assertThat(web.web.reader().fresh().service("web1", "http").orElseThrow().status().acknowledged()).isFalse();
        WebFixture.Reply done = post(t);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.text()).contains("Acknowledged web1/http as alice.");
        assertThat(web.web.reader().fresh().service("web1", "http").orElseThrow().status().acknowledged()).isTrue();
        WebFixture.Reply again = post(t);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("This link was already used, by alice at ");
    }

    @Test
    void aLinkOfAnEndedProblemOrAnExpiredOneIsRefusedAndChangesNothing() throws Exception {
        web.commands(List.of("PROCESS_SERVICE_CHECK_RESULT;web1;disk;2;DISK CRITICAL"));
        ActionToken during = token("disk", ActionToken.Action.DOWNTIME, Instant.now().plusSeconds(3600));
        assertThat(during.problemId()).isPositive();
        String expired = TOKENS.sign(new ActionToken(ActionTokens.newId(), during.action(), "web1", "disk",
                during.problemId(), "alice", Instant.now().minusSeconds(1)));
        assertThat(post(expired).text()).contains("This link expired at ");
        web.commands(List.of("PROCESS_SERVICE_CHECK_RESULT;web1;disk;0;DISK OK"));
        WebFixture.Reply ended = post(TOKENS.sign(during));
        assertThat(ended.status()).isEqualTo(410);
        assertThat(ended.text()).contains("This problem has ended (web1/disk is OK); nothing was done.");
        assertThat(web.web.reader().fresh().downtimes()).isEmpty();
    }

    @Test
    void forgedOrOversizedLinksFromOneAddressAreThrottled() throws Exception {
        String forged = TOKENS.sign(token("http", ActionToken.Action.ACKNOWLEDGE, Instant.now().plusSeconds(60)))
                .replace('.', 'x') + ".AAAA";
        for (int i = 0; i < 5; i++) {
            RawHttp.Reply r = RawHttp.get("127.0.0.7", web.web.port(), "/email-action?t=" + (i == 0 ? "a".repeat(5000)
                    : forged), null);
            assertThat(r.status()).isIn(400, 403);
        }
        RawHttp.Reply locked = RawHttp.get("127.0.0.7", web.web.port(), "/email-action?t=" + forged, null);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many invalid links from this address");
        assertThat(RawHttp.get("127.0.0.8", web.web.port(), "/email-action?t=" + forged, null).status())
                .isEqualTo(403);
    }
}
