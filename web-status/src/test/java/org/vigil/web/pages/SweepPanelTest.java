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
 * The sweep panel as served (its behaviour in a browser is SweepBrowserTest's): the button and its script for users
 * who may start a sweep, an explanation instead for read-only and contact-bound users (the API refuses them too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepPanelTest {

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
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private String overviewAs(String credentials) throws Exception {
        web.credentials = credentials;
        WebFixture.Reply r = web.get("/");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.text();
    }

    @Test
    void anAdminGetsTheButtonItsScriptAndTheLiveArea() throws Exception {
        String html = overviewAs("admin:adm-secret");
        assertThat(html).contains("<section class=\"sweep panel\" id=\"sweep\">").contains("class=\"sweep-start\"")
                .contains("class=\"sweep-bar\"").contains("every host and service").contains("<noscript>");
        assertThat(html.split("<script src=\"/static/sweep.js\" defer></script>", -1)).hasSize(2);
        // sweep.js sends it with its API calls, which the session cookie alone may not authenticate
        assertThat(html).containsPattern("<meta name=\"csrf-token\" content=\"[^\"]+\">");
    }

    @Test
    void readOnlyAndContactBoundUsersGetNoButton() throws Exception {
        for (String who : new String[] {"viewer:v-secret", "alice:a-secret"}) {
            String html = overviewAs(who);
            assertThat(html).as(who).contains("id=\"sweep\"").doesNotContain("sweep-start")
                    .doesNotContain("sweep.js").contains("needs a user who may act on every object");
        }
    }

    @Test
    void servesTheScriptAndStylesheet() throws Exception {
        web.credentials = "admin:adm-secret";
        WebFixture.Reply js = web.get("/static/sweep.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.text()).contains("/api/v1/sweeps").contains("textContent");
        assertThat(web.get("/static/sweep.css").status()).isEqualTo(200);
    }
}
