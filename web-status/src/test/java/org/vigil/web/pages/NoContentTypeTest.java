package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.vigil.web.api.RawHttp;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * POSTs without a Content-Type (the attack log's 500 with a 66-line stack trace): the form pages answer a 415 page,
 * the API a JSON 415 or its usual answer, and nothing reaches the log with a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoContentTypeTest {

    WebFixture web;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vigil.yml"), """
                auth:
                  users:
                    - { name: admin, password_hash: "%s", all_objects: true }
                """.formatted(PasswordHash.hash("admin-secret")));
        web = new WebFixture(dir, WebServer.configuration(dir.resolve("vigil.yml")));
        log.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        web.close();
    }

    private RawHttp.Reply post(String path, String body, boolean basic) throws Exception {
        String auth = basic ? "Authorization: Basic " + Base64.getEncoder().encodeToString(
                "admin:admin-secret".getBytes(StandardCharsets.UTF_8)) + "\r\n" : "";
        String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        return RawHttp.send("127.0.0.1", web.web.port(), request.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/actions", "/logout"})
    void aFormPostWithoutAContentTypeIsA415PageAndNoStackTrace(String path) throws Exception {
        log.list.clear();
        for (String body : new String[] {"", "username=admin&password=x&csrf=y", "{\"a\":1}"}) {
            RawHttp.Reply r = post(path, body, !path.equals("/login"));
            assertThat(r.status()).as(path + " " + body + "\n" + r.head() + "\n" + r.body()).isEqualTo(415);
            assertThat(r.head()).containsIgnoringCase("Content-Type: text/html");
            assertThat(r.body()).contains("application/x-www-form-urlencoded").doesNotContain("Exception");
        }
        assertNoStackTrace();
    }

    @Test
    void unauthenticatedFormPostsStillGoToTheLoginForm() throws Exception {
        assertThat(post("/actions", "", false).status()).isEqualTo(303);
        assertThat(post("/logout", "", false).status()).isEqualTo(303);
    }

    @Test
    void anApiPostWithoutAContentTypeIsAJson415AndNoStackTrace() throws Exception {
        log.list.clear();
        RawHttp.Reply r = post("/api/v1/hosts/web1/recheck", "{}", true);
        assertThat(r.status()).as(r.body()).isEqualTo(415);
        assertThat(r.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(r.body()).contains("\"error\":").contains("application/json");
        // a POST with no body at all needs no type (the sweep API takes its filters as query parameters)
        RawHttp.Reply sweeps = post("/api/v1/sweeps?host=nosuchhost", "", true);
        assertThat(sweeps.status()).as(sweeps.body()).isEqualTo(400);
        assertNoStackTrace();
    }

    private void assertNoStackTrace() {
        assertThat(log.list).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR));
    }
}
