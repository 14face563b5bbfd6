package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * The detail pages with users from a real vigil.yml: a contact-bound user gets a 404 for objects it may not see
 * and sees only its own entries and log lines; a read-only user sees no action controls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetailPagesAuthTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("vigil.yml");
        Files.writeString(yml, """
                auth:
                  users:
                    - name: alice
                      password_hash: "%s"
                      contact: alice
                    - name: viewer
                      password_hash: "%s"
                      all_objects: true
                      read_only: true
                    - name: admin
                      password_hash: "%s"
                      all_objects: true
                """.formatted(PasswordHash.hash("a-secret"), PasswordHash.hash("v-secret"),
                PasswordHash.hash("adm-secret")));
        web = new WebFixture(dir, WebServer.configuration(yml));
        web.credentials = "admin:adm-secret";
        long now = System.currentTimeMillis() / 1000;
        post("/api/v1/services/db1/pg/result", "{\"status\":\"critical\",\"output\":\"PG secret-db down\"}");
        post("/api/v1/services/web1/http/result", "{\"status\":\"warning\",\"output\":\"HTTP slow\"}");
        post("/api/v1/services/db1/pg/comments", "{\"comment\":\"db comment\"}");
        post("/api/v1/services/web1/http/comments", "{\"comment\":\"web comment\"}");
        post("/api/v1/hosts/db1/downtime", "{\"start\":\"" + (now + 60) + "\",\"end\":\"" + (now + 600)
                + "\",\"comment\":\"db downtime\"}");
        post("/api/v1/hosts/web1/downtime", "{\"start\":\"" + (now + 60) + "\",\"end\":\"" + (now + 600)
                + "\",\"comment\":\"web downtime\"}");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private void post(String path, String body) throws Exception {
        WebFixture.Reply r = web.post(path, body);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
    }

    private String page(String path) throws Exception {
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r.text();
    }

    @Test
    void withoutCredentialsThePagesGoToTheLoginForm() throws Exception {
        web.credentials = null;
        // pages send the browser to /login (the API keeps its JSON 401)
        assertThat(web.get("/host/web1").status()).isEqualTo(303);
        assertThat(web.get("/log").status()).isEqualTo(303);
        assertThat(web.get("/api/v1/hosts/web1").status()).isEqualTo(401);
    }

    @Test
    void aContactBoundUserGets404ForOthersObjects() throws Exception {
        web.credentials = "alice:a-secret";
        assertThat(page("/host/web1")).contains("id=\"host-detail\"");
        assertThat(page("/service/web1/http")).contains("HTTP slow");
        WebFixture.Reply host = web.get("/host/db1");
        assertThat(host.status()).isEqualTo(404);
        assertThat(host.text()).doesNotContain("192.0.2.20");
        WebFixture.Reply service = web.get("/service/db1/pg");
        assertThat(service.status()).isEqualTo(404);
        assertThat(service.text()).doesNotContain("secret-db");
    }

    @Test
    void aContactBoundUserSeesOnlyItsEntriesAndLogLines() throws Exception {
        web.credentials = "alice:a-secret";
        assertThat(page("/comments")).contains("web comment").doesNotContain("db comment");
        assertThat(page("/downtimes")).contains("web downtime").doesNotContain("db downtime");
        String log = page("/log");
        assertThat(log).contains("HTTP slow").doesNotContain("secret-db").doesNotContain("starting...");
        assertThat(page("/log?host=db1")).contains("No log lines match.");
    }

    @Test
    void aReadOnlyUserSeesNoActionControls() throws Exception {
        web.credentials = "viewer:v-secret";
        String service = page("/service/db1/pg");
        assertThat(service).contains("PG secret-db down").doesNotContain("id=\"actions\"")
                .doesNotContain("/actions?");
        assertThat(page("/comments")).contains("db comment").doesNotContain("name=\"comment_id\"")
                .doesNotContain("remove_comment");
        assertThat(page("/downtimes")).doesNotContain("name=\"downtime_id\"");
        web.credentials = "admin:adm-secret";
        assertThat(page("/service/db1/pg")).contains("id=\"actions\"");
        assertThat(page("/comments")).contains("name=\"comment_id\"");
    }
}
