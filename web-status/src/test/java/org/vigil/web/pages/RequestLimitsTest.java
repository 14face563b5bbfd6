package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.CommandLimits;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/**
 * Requests at and over each size limit (docs/api.md) against the real server with its default limits: at a limit
 * the request is carried out; over it the answer is a 413 (body), 431 (headers) or 400 naming the field, in JSON
 * for the API and as a page elsewhere, and nothing in the engine changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsTest {

    static final int BODY = (int) new VigilConfiguration().limits.maxRequestBodyBytes;

    WebFixture web;
    PageForms forms;
    String csrf;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        forms = new PageForms(web);
        assertThat(web.post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":\"down\"}")
                .status()).isEqualTo(200);
        csrf = PageForms.csrf(web.get("/").text());
    }

    @AfterAll
    void stop() {
        web.close();
    }

    /** {@code {"comment": TEXT}} padded with blanks (valid JSON) to exactly {@code size} bytes. */
    private static String commentBody(String text, int size) {
        String body = "{\"comment\":\"" + text + "\"}";
        return body + " ".repeat(size - body.getBytes(StandardCharsets.UTF_8).length);
    }

    private List<String> comments() throws Exception {
        List<String> out = new ArrayList<>();
        web.get("/api/v1/comments?host=web1").body().forEach(c -> out.add(c.get("text").asText()));
        return out;
    }

    @Test
    void apiBodiesAtTheLimitAreReadAndOverItAre413() throws Exception {
        List<String> before = comments();
        WebFixture.Reply at = web.post("/api/v1/hosts/web1/comments", commentBody("at the body limit", BODY));
        assertThat(at.status()).as(at.text()).isEqualTo(200);

        WebFixture.Reply over = web.post("/api/v1/hosts/web1/comments", commentBody("over the body limit", BODY + 1));
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.body().get("error").asText()).isEqualTo("payload too large");
        assertThat(over.body().get("detail").asText()).contains("larger than the " + BODY + " bytes allowed",
                "limits.max_request_body_bytes");

        // chunked: no Content-Length, so the limit is found while reading: in the blanks after the object, and
        // inside a string (where Jackson wraps the refusal), as the 19 MB comments of issue 15 were
        int answered = 0;
        for (String body : List.of(commentBody("chunked over the limit", 4 * BODY),
                "{\"comment\":\"" + "y".repeat(19_000_000) + "\"}")) {
            byte[] big = body.getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 3; attempt++) {
                WebFixture.Reply chunked;
                try {
                    chunked = web.send(HttpRequest.newBuilder(uri("/api/v1/hosts/web1/comments"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
                } catch (java.io.IOException closedWhileSending) {
                    // the server answers 413 and closes the connection while the client is still sending the rest;
                    // the client's TCP stack may then drop that answer (a reset), so the refusal is sent again
                    continue;
                }
                assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
                assertThat(chunked.body().get("error").asText()).isEqualTo("payload too large");
                answered++;
                break;
            }
        }
        assertThat(answered).as("chunked bodies over the limit answered 413 (3 tries each)").isEqualTo(2);

        List<String> after = new ArrayList<>(before);
        after.add("at the body limit");
        assertThat(comments()).containsExactlyInAnyOrderElementsOf(after);
        assertThat(web.get("/api/v1/status").status()).isEqualTo(200);
    }

    @Test
    void apiFieldsAtTheLimitAreKeptAndOverItAre400NamingTheField() throws Exception {
        String atLimit = "a".repeat(CommandLimits.MAX_COMMENT_BYTES - 1) + "z";
        assertThat(web.post("/api/v1/hosts/db1/comments", "{\"comment\":\"" + atLimit + "\"}").status())
                .isEqualTo(200);
        WebFixture.Reply comment = web.post("/api/v1/hosts/db1/comments",
                "{\"comment\":\"" + "b".repeat(CommandLimits.MAX_COMMENT_BYTES + 1) + "\"}");
        assertThat(comment.status()).isEqualTo(400);
        assertThat(comment.body().get("detail").asText()).isEqualTo("'comment' is 8193 bytes, more than the 8192 "
                + "allowed");
        // multi-byte characters count as the bytes they take: 4097 of them are 8194 bytes
        WebFixture.Reply accents = web.post("/api/v1/services/web1/http/acknowledge",
                "{\"comment\":\"" + "\u00e9".repeat(CommandLimits.MAX_COMMENT_BYTES / 2 + 1) + "\"}");
        assertThat(accents.status()).isEqualTo(400);
        assertThat(accents.body().get("detail").asText()).startsWith("'comment' is 8194 bytes");
        WebFixture.Reply author = web.post("/api/v1/hosts/db1/comments", "{\"comment\":\"x\",\"author\":\""
                + "c".repeat(CommandLimits.MAX_AUTHOR_BYTES + 1) + "\"}");
        assertThat(author.status()).isEqualTo(400);
        assertThat(author.body().get("detail").asText()).isEqualTo("'author' is 1025 bytes, more than the 1024 "
                + "allowed");
        WebFixture.Reply downtime = web.post("/api/v1/hosts/db1/downtime", "{\"start\":\"2030-01-01T22:00:00Z\","
                + "\"end\":\"2030-01-01T23:00:00Z\",\"comment\":\"" + "d".repeat(CommandLimits.MAX_COMMENT_BYTES + 1)
                + "\"}");
        assertThat(downtime.status()).isEqualTo(400);

        JsonNode kept = web.get("/api/v1/comments?host=db1").body();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("text").asText()).isEqualTo(atLimit);
        assertThat(web.get("/api/v1/downtimes?host=db1").body()).isEmpty();
        assertThat(web.get("/api/v1/services/web1/http").body().get("service").get("status")
                .get("acknowledged").asBoolean()).isFalse();
    }

    @Test
    void passiveOutputUpToAWholeCommandLine() throws Exception {
        String line = "[" + System.currentTimeMillis() / 1000 + "] PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;";
        String fits = "w".repeat(CommandLimits.MAX_LINE_BYTES - line.length());
        WebFixture.Reply at = web.post("/api/v1/services/web1/disk/result", "{\"status\":1,\"output\":\"" + fits
                + "\"}");
        assertThat(at.status()).as(at.text()).isEqualTo(200);
        assertThat(web.get("/api/v1/services/web1/disk").body().get("service").get("status").get("output").asText())
                .isEqualTo(fits);

        WebFixture.Reply line1 = web.post("/api/v1/services/web1/disk/result", "{\"status\":2,\"output\":\"" + fits
                + "xx\"}");
        assertThat(line1.status()).isEqualTo(422);
        assertThat(line1.body().get("detail").asText()).startsWith("the command line is 65538 bytes, more than the "
                + "65536 allowed");
        WebFixture.Reply field = web.post("/api/v1/services/web1/disk/result", "{\"status\":2,\"output\":\""
                + "o".repeat(CommandLimits.MAX_LINE_BYTES + 1) + "\"}");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.body().get("detail").asText()).startsWith("'output' is 65537 bytes");
        assertThat(web.get("/api/v1/services/web1/disk").body().get("service").get("status").get("state").asText())
                .isEqualTo("WARNING");
    }

    @Test
    void pageFormsOverTheLimitAre413PagesAndLongFieldsRedisplayTheForm() throws Exception {
        List<String> before = comments();
        // the action forms carry every target of a bulk action: their limit is larger (BulkActionsPageTest)
        long actions = org.vigil.web.api.BodyLimit.ACTION_FORM_BYTES;
        String pad = "p".repeat((int) actions);
        java.net.http.HttpResponse<String> over = forms.raw(forms.formPost("/actions", "csrf", csrf, "action",
                "add_comment", "target", "web1", "comment", "too big", "pad", pad, "return_to", "/"));
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(over.body()).contains("larger than the " + actions + " bytes allowed");

        byte[] chunkedForm = PageForms.body("csrf", csrf, "action", "add_comment", "target", "web1", "comment",
                "c".repeat((int) actions), "return_to", "/").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> chunked = forms.raw(forms.request("/actions/form")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunkedForm))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("larger than the " + actions + " bytes allowed");
        // the other forms keep the usual limit
        java.net.http.HttpResponse<String> logout = forms.raw(forms.formPost("/logout", "csrf", csrf, "pad",
                "p".repeat(BODY)));
        assertThat(logout.statusCode()).isEqualTo(413);
        assertThat(logout.body()).contains("larger than the " + BODY + " bytes allowed");

        java.net.http.HttpResponse<String> field = forms.raw(forms.formPost("/actions", "csrf", csrf, "action",
                "add_comment", "target", "web1", "comment", "c".repeat(CommandLimits.MAX_COMMENT_BYTES + 1),
                "return_to", "/"));
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(field.body()).contains("&#39;comment&#39; is 8193 bytes, more than the 8192 allowed");

        java.net.http.HttpResponse<String> at = forms.raw(forms.formPost("/actions", "csrf", csrf, "action",
                "add_comment", "target", "web1", "comment", "k".repeat(CommandLimits.MAX_COMMENT_BYTES),
                "return_to", "/"));
        assertThat(at.statusCode()).as(at.body()).isEqualTo(303);
        List<String> after = new ArrayList<>(before);
        after.add("k".repeat(CommandLimits.MAX_COMMENT_BYTES));
        assertThat(comments()).containsExactlyInAnyOrderElementsOf(after);
    }

    @Test
    void headersOverDropwizardsLimitAre431() throws Exception {
        // Dropwizard's maxRequestHeaderSize (8 KiB) holds the request line and every header
        java.net.http.HttpResponse<String> at = forms.raw(forms.request("/api/v1/status").header("X-Pad",
                "h".repeat(6000)).GET());
        assertThat(at.statusCode()).isEqualTo(200);
        java.net.http.HttpResponse<String> over = forms.raw(forms.request("/api/v1/status").header("X-Pad",
                "h".repeat(9000)).GET());
        assertThat(over.statusCode()).isEqualTo(431);
        java.net.http.HttpResponse<String> url = forms.raw(forms.request("/api/v1/services?text="
                + "u".repeat(9000)).GET());
        assertThat(url.statusCode()).isIn(414, 431);
        assertThat(web.get("/api/v1/status").status()).isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + web.web.port() + path);
    }
}
