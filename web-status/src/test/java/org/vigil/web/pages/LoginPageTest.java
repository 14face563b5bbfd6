package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.LoginThrottle;
import org.vigil.web.auth.PasswordHash;
import org.vigil.web.auth.Sessions;
import org.vigil.web.auth.WebUser;

/**
 * Form login with users from a real vigil.yml: sessions, logout, pages redirecting to the login form, basic
 * authentication still working, CSRF per session, and who may act on what through {@code /actions}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginPageTest {

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
                    - name: guessed
                      password_hash: "%s"
                      all_objects: true
                """.formatted(PasswordHash.hash("a-secret"), PasswordHash.hash("v-secret"),
                PasswordHash.hash("adm-secret"), PasswordHash.hash("g-secret")));
        web = new WebFixture(dir, WebServer.configuration(yml));
        web.credentials = "admin:adm-secret";
        web.post("/api/v1/services/db1/pg/result", "{\"status\":\"critical\",\"output\":\"PG down\"}");
        web.post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":\"HTTP <b>500</b>\"}");
        web.credentials = null;
    }

    @AfterAll
    void stop() {
        web.close();
    }

    /** Logs in through the form; the browser's cookie header for the new session. */
    private PageForms login(String user, String password) throws Exception {
        PageForms forms = new PageForms(web);
        HttpResponse<String> r = forms.login("username", user, "password", password, "return_to", "/hosts?state=DOWN");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/hosts?state=DOWN");
        forms.cookie = PageForms.setCookie(r, Sessions.COOKIE);
        return forms;
    }

    @Test
    void anUnauthenticatedPageGoesToTheLoginFormAndTheApiStays401() throws Exception {
        PageForms anon = new PageForms(web);
        HttpResponse<String> page = anon.raw(anon.request("/?state=problem&sort=state").GET());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/login?return_to=%2F%3Fstate%3Dproblem%26sort%3Dstate");
        assertThat(anon.raw(anon.request("/actions?action=recheck&target=db1").GET()).statusCode()).isEqualTo(303);
        WebFixture.Reply form = anon.get("/login?return_to=/services");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("id=\"login\"").contains("name=\"return_to\" value=\"/services\"")
                .doesNotContain("PG down").doesNotContain("href=\"/problems\"");
        WebFixture.Reply api = anon.get("/api/v1/hosts");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body().get("error").asText()).isEqualTo("unauthorized");
        // a stale or forged session cookie is no session
        anon.cookie = Sessions.COOKIE + "=forged";
        assertThat(anon.raw(anon.request("/").GET()).statusCode()).isEqualTo(303);
        assertThat(anon.get("/api/v1/hosts").status()).isEqualTo(401);
    }

    @Test
    void loginSetsASafeSessionCookieAndLogoutEndsIt() throws Exception {
        PageForms forms = new PageForms(web);
        HttpResponse<String> r = forms.login("username", "admin", "password", "adm-secret", "return_to", "/");
        String setCookie = PageForms.setCookieHeader(r, Sessions.COOKIE);
        assertThat(setCookie).startsWith(Sessions.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").contains("Path=/").doesNotContainIgnoringCase("Secure;");
        forms.cookie = setCookie.substring(0, setCookie.indexOf(';'));
        WebFixture.Reply overview = forms.get("/");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.text()).contains("class=\"user\">admin</span>").contains("action=\"/logout\"");
        // the session also reads the API (the pages' scripts use it)
        assertThat(forms.get("/api/v1/hosts").status()).isEqualTo(200);
        // logout needs the form's token
        assertThat(forms.post("/logout", "csrf", "wrong").status()).isEqualTo(403);
        assertThat(forms.get("/").status()).isEqualTo(200);
        HttpResponse<String> out = forms.raw(forms.formPost("/logout", "csrf", PageForms.csrf(overview.text())));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(forms.raw(forms.request("/").GET()).statusCode()).isEqualTo(303);
        assertThat(forms.get("/api/v1/hosts").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordReRendersTheFormAnd401() throws Exception {
        PageForms forms = new PageForms(web);
        WebFixture.Reply r = forms.loginReply("username", "admin", "password", "nope", "return_to", "/hosts");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text()).contains("Wrong user name or password.").contains("value=\"admin\"")
                .contains("name=\"return_to\" value=\"/hosts\"");
        assertThat(forms.loginReply("username", "nobody", "password", "x").status()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheNameForAWhileEvenAgainstTheRightOne() throws Exception {
        PageForms forms = new PageForms(web);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(forms.loginReply("username", "guessed", "password", "guess" + i).status()).isEqualTo(401);
        }
        WebFixture.Reply r = forms.loginReply("username", "guessed", "password", "g-secret");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.text()).contains("Too many wrong passwords from this address; try again in ");
        // other names are not affected
        assertThat(forms.login("username", "admin", "password", "adm-secret").statusCode()).isEqualTo(303);
    }

    @Test
    void loginNeverRedirectsOffSite() throws Exception {
        for (String evil : List.of("https://evil.example/", "//evil.example", "/\\evil.example")) {
            PageForms forms = new PageForms(web);
            HttpResponse<String> r = forms.login("username", "admin", "password", "adm-secret", "return_to", evil);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(evil).doesNotContain("evil")
                    .endsWith("/");
        }
    }

    @Test
    void basicAuthenticationStillWorksForTheApiAndThePages() throws Exception {
        web.credentials = "admin:adm-secret";
        try {
            assertThat(web.get("/api/v1/hosts").status()).isEqualTo(200);
            WebFixture.Reply page = web.get("/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("class=\"user\">admin</span>");
            // a basic-auth page carries a token derived from the user, which its forms post back
            String csrf = PageForms.csrf(page.text());
            assertThat(csrf).isNotEmpty();
            PageForms forms = new PageForms(web);
            assertThat(forms.raw(forms.formPost("/actions", "csrf", csrf, "action", "recheck", "target", "db1"))
                    .statusCode()).isEqualTo(303);
            assertThat(forms.post("/actions", "action", "recheck", "target", "db1").status()).isEqualTo(403);
            web.credentials = "admin:wrong";
            assertThat(web.get("/api/v1/hosts").status()).isEqualTo(401);
        } finally {
            web.credentials = null;
        }
    }

    @Test
    void eachSessionHasItsOwnToken() throws Exception {
        PageForms one = login("admin", "adm-secret");
        PageForms two = login("admin", "adm-secret");
        String token1 = PageForms.csrf(one.get("/").text());
        String token2 = PageForms.csrf(two.get("/").text());
        assertThat(token1).isNotEqualTo(token2);
        assertThat(two.post("/actions", "csrf", token1, "action", "recheck", "target", "db1").status())
                .isEqualTo(403);
        assertThat(two.raw(two.formPost("/actions", "csrf", token2, "action", "recheck", "target", "db1"))
                .statusCode()).isEqualTo(303);
    }

    @Test
    void aContactBoundUserCannotActOnOthersObjects() throws Exception {
        PageForms alice = login("alice", "a-secret");
        String csrf = PageForms.csrf(alice.get("/").text());
        WebFixture.Reply form = alice.get("/actions?action=acknowledge&target=db1;pg");
        assertThat(form.status()).isEqualTo(404);
        assertThat(form.contentType()).startsWith("text/html");
        WebFixture.Reply r = alice.post("/actions", "csrf", csrf, "action", "acknowledge", "target", "web1;http",
                "target", "db1;pg", "comment", "mine?", "sticky", "on");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).contains("no service &#39;pg&#39; on host &#39;db1&#39;");
        web.credentials = "admin:adm-secret";
        try {
            // nothing was done, not even for the target alice may see
            assertThat(web.get("/api/v1/services/web1/http").body().get("service").get("status")
                    .get("acknowledged").asBoolean()).isFalse();
            assertThat(web.get("/api/v1/services/db1/pg").body().get("service").get("status")
                    .get("acknowledged").asBoolean()).isFalse();
        } finally {
            web.credentials = null;
        }
        HttpResponse<String> ok = alice.raw(alice.formPost("/actions", "csrf", csrf, "action", "add_comment",
                "target", "web1;http", "comment", "mine", "persistent", "on", "return_to", "/services"));
        assertThat(ok.statusCode()).isEqualTo(303);
        String comments = alice.get("/api/v1/comments?host=web1").text();
        assertThat(comments).contains("\"author\":\"alice\"").contains("mine");
    }

    @Test
    void aReadOnlyUserSeesNoFormsAndIsRefused() throws Exception {
        PageForms viewer = login("viewer", "v-secret");
        WebFixture.Reply page = viewer.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("viewer (read-only)");
        String csrf = PageForms.csrf(page.text());
        WebFixture.Reply form = viewer.get("/actions?action=recheck&target=db1");
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.text()).contains("read-only").contains("Not allowed (403)");
        WebFixture.Reply r = viewer.post("/actions", "csrf", csrf, "action", "disable_notifications", "target", "db1");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("text/html");
        // ... but may log out
        assertThat(viewer.raw(viewer.formPost("/logout", "csrf", csrf)).statusCode()).isEqualTo(303);
        web.credentials = "admin:adm-secret";
        try {
            assertThat(web.get("/api/v1/hosts/db1").body().get("host").get("status").get("notifications_enabled")
                    .asBoolean()).isTrue();
        } finally {
            web.credentials = null;
        }
    }

    @Test
    void anApiCallWithOnlyTheSessionCookieMustBeAScriptedOne() throws Exception {
        PageForms admin = login("admin", "adm-secret");
        String csrf = PageForms.csrf(admin.get("/").text());
        // a foreign page's form: urlencoded (the API only takes JSON), or no body at all
        assertThat(admin.post("/api/v1/hosts/db1/notifications", "enabled", "false").status()).isEqualTo(415);
        HttpResponse<String> empty = admin.raw(admin.request("/api/v1/hosts/db1/recheck")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(empty.statusCode()).isEqualTo(403);
        assertThat(empty.body()).contains("X-CSRF-Token");
        // our own scripts: JSON, or the page's token in the header
        HttpResponse<String> json = admin.raw(admin.request("/api/v1/hosts/db1/recheck")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        HttpResponse<String> header = admin.raw(admin.request("/api/v1/hosts/db1/recheck")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
    }

    @Test
    void pluginOutputIsEscapedOnTheActionForm() throws Exception {
        PageForms admin = login("admin", "adm-secret");
        WebFixture.Reply r = admin.get("/actions?action=add_comment&target=web1;http&comment=%3Cb%3Ehi%3C/b%3E");
        assertThat(r.text()).contains("value=\"&lt;b&gt;hi&lt;/b&gt;\"").doesNotContain("<b>hi</b>");
    }

    @Test
    void theCookieIsSecureOverHttps() {
        String header = jakarta.ws.rs.ext.RuntimeDelegate.getInstance()
                .createHeaderDelegate(jakarta.ws.rs.core.NewCookie.class).toString(LoginResource.cookie("id", true, -1));
        assertThat(header).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void sessionsEndAfterTheIdleTimeout() {
        MutableClock clock = new MutableClock();
        Sessions sessions = new Sessions(clock, Duration.ofHours(8));
        Sessions.Session s = sessions.create(new WebUser("admin", null, true, false));
        clock.now = clock.now.plus(Duration.ofHours(7));
        assertThat(sessions.find(s.id())).isPresent(); // used: its idle time starts again
        clock.now = clock.now.plus(Duration.ofHours(7));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofHours(8).plusSeconds(1));
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
