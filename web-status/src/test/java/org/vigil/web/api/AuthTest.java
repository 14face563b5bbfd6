package org.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * Authentication and cgi.cfg-like authorisation, with users read from a real vigil.yml: a contact-bound user sees
 * and acts on its contact's objects only; a read-only user cannot act; no credentials, no access.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTest {

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
        VigilConfiguration settings = WebServer.configuration(yml);
        web = new WebFixture(dir, settings);
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private static List<String> names(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get(field).asText()));
        return out;
    }

    @Test
    void withoutOrWithWrongCredentialsEverythingIs401() throws Exception {
        web.credentials = null;
        WebFixture.Reply r = web.get("/api/v1/hosts");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("error").asText()).isEqualTo("unauthorized");
        web.credentials = "alice:wrong";
        assertThat(web.get("/api/v1/status").status()).isEqualTo(401);
        assertThat(web.post("/api/v1/hosts/web1/recheck", null).status()).isEqualTo(401);
    }

    @Test
    void aContactBoundUserSeesOnlyItsContactsObjects() throws Exception {
        web.credentials = "alice:a-secret";
        assertThat(names(web.get("/api/v1/hosts").body().get("items"), "name")).containsExactly("web1");
        assertThat(names(web.get("/api/v1/services").body().get("items"), "description"))
                .containsExactly("disk", "http");
        assertThat(web.get("/api/v1/hosts/db1").status()).isEqualTo(404);
        assertThat(web.get("/api/v1/services/db1/pg").status()).isEqualTo(404);
        assertThat(names(web.get("/api/v1/contacts").body(), "name")).containsExactly("alice");
        assertThat(web.get("/api/v1/servicegroups/ports").body().get("members").toString())
                .contains("web1;http").doesNotContain("db1");
        assertThat(web.get("/api/v1/status").body().get("hosts").toString()).doesNotContain("\"UP\":2");
        // acting on another contact's object is as if it did not exist
        assertThat(web.post("/api/v1/services/db1/pg/comments", "{\"comment\":\"x\"}").status()).isEqualTo(404);
        WebFixture.Reply ok = web.post("/api/v1/hosts/web1/comments", "{\"comment\":\"mine\",\"author\":\"x\"}");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        JsonNode comments = web.get("/api/v1/comments").body();
        assertThat(names(comments, "author")).contains("alice"); // the logged-in user, not the body's author
    }

    @Test
    void aReadOnlyUserSeesAllButCannotAct() throws Exception {
        web.credentials = "viewer:v-secret";
        assertThat(names(web.get("/api/v1/hosts").body().get("items"), "name")).containsExactly("db1", "web1");
        WebFixture.Reply r = web.post("/api/v1/hosts/web1/recheck", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("detail").asText()).contains("read-only");
        web.credentials = "admin:adm-secret";
        assertThat(web.post("/api/v1/hosts/db1/recheck", null).status()).isEqualTo(200);
    }

    @Test
    void badWebConfigurationsAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("bad.yml");
        Files.writeString(yml, "auth:\n  users:\n    - name: bob\n      password_hash: secret\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebServer.configuration(yml)))
                .hasMessageContaining("auth.users.bob.password_hash: not a hash");
        Files.writeString(yml, "server:\n  applicationConnectors:\n    - type: http\n      port: 0\n"
                + "      bindHost: 0.0.0.0\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebServer.configuration(yml)))
                .hasMessageContaining("is not a loopback address, so auth.users must list users");
        Files.writeString(yml, "auth:\n  userz: []\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebServer.configuration(yml)))
                .hasMessageContaining("userz");
    }
}
