package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.LoginThrottle;
import org.vigil.web.auth.LoginTokens;
import org.vigil.web.auth.PasswordHash;
import org.vigil.web.auth.Sessions;

/**
 * The login form's own CSRF token (cookie and hidden field, both needed and equal) and the login throttle shared by
 * the form and HTTP basic authentication, on the real app with users from a real vigil.yml. The web server runs on
 * a clock the tests move, so a lock can age out. Each test uses its own user names: locks are per address and
 * name, and every request here comes from 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginProtectionTest {

    private static final String[] USERS = {"admin", "gina", "hank", "carol", "dave", "erin", "frank"};

    final MovableClock clock = new MovableClock();
    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // every request comes from 127.0.0.1: the per-address lock (LoginThrottleAppTest) is raised out of the way
        StringBuilder yml = new StringBuilder("auth:\n  throttle: { max_failures_per_address: 1000 }\n"
                + "  password_checks: { max_per_second: 1000, max_concurrent: 16 }\n  users:\n"); // its own test
        for (String name : USERS) {
            yml.append("    - name: ").append(name).append("\n      password_hash: \"")
                    .append(PasswordHash.hash(name + "-secret")).append("\"\n      all_objects: true\n");
        }
        Files.writeString(dir.resolve("vigil.yml"), yml);
        web = new WebFixture(dir, WebServer.configuration(dir.resolve("vigil.yml")), null, clock);
    }

    @AfterAll
    void stop() {
        web.close();
    }

    // --- the login form's token ---

    @Test
    void theFormSetsItsTokenInAShortLivedCookieAndAHiddenFieldAndALoginWithBothWorks() throws Exception {
        PageForms browser = new PageForms(web);
        HttpResponse<String> form = browser.raw(browser.request("/login?return_to=/hosts").GET());
        assertThat(form.statusCode()).isEqualTo(200);
        String cookie = PageForms.setCookieHeader(form, LoginTokens.COOKIE);
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/login").contains("Max-Age=" + LoginTokens.LIFETIME.getSeconds())
                .doesNotContainIgnoringCase("Secure;");
        String token = PageForms.csrf(form.body());
        assertThat(PageForms.setCookie(form, LoginTokens.COOKIE)).isEqualTo(LoginTokens.COOKIE + "=" + token);
        // every rendering has a token of its own
        PageForms other = new PageForms(web);
        assertThat(other.openLogin()).isNotEqualTo(token);

        browser.cookie = LoginTokens.COOKIE + "=" + token;
        HttpResponse<String> in = browser.raw(browser.formPost("/login", "csrf", token, "username", "admin",
                "password", "admin-secret", "return_to", "/hosts"));
        assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/hosts");
        // the session starts, and the login cookie is dropped
        browser.cookie = PageForms.setCookie(in, Sessions.COOKIE);
        assertThat(PageForms.setCookieHeader(in, LoginTokens.COOKIE)).contains("Max-Age=0").contains("Path=/login");
        assertThat(browser.get("/").text()).contains("class=\"user\">admin</span>");
    }

    @Test
    void aMissingOrWrongTokenIsA403PageAndNothingIsTried() throws Exception {
        PageForms browser = new PageForms(web);
        String token = browser.openLogin();
        String cookie = browser.cookie;
        // the right password, but no field; no cookie; neither; a field that is not the cookie's
        assertRefused(browser, cookie, "username", "admin", "password", "admin-secret");
        assertRefused(browser, null, "csrf", token, "username", "admin", "password", "admin-secret");
        assertRefused(browser, null, "username", "admin", "password", "admin-secret");
        assertRefused(browser, cookie, "csrf", token + "x", "username", "admin", "password", "admin-secret");
        assertRefused(browser, cookie, "csrf", "", "username", "admin", "password", "admin-secret");
        // the token itself is still good: the refusals above did not use it up
        browser.cookie = cookie;
        assertThat(browser.raw(browser.formPost("/login", "csrf", token, "username", "admin", "password",
                "admin-secret")).statusCode()).isEqualTo(303);
    }

    @Test
    void refusedPostsAreNotCountedAsWrongPasswords() throws Exception {
        PageForms browser = new PageForms(web);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES + 2; i++) {
            assertRefused(browser, null, "username", "gina", "password", "guess" + i);
        }
        assertThat(browser.login("username", "gina", "password", "gina-secret").statusCode()).isEqualTo(303);
    }

    @Test
    void aTokenFromAnotherBrowserOrForgedOrTooOldIsRefused() throws Exception {
        PageForms victim = new PageForms(web);
        String victimToken = victim.openLogin();
        String victimCookie = victim.cookie;
        PageForms attacker = new PageForms(web);
        String attackerToken = attacker.openLogin();
        // the attacker's page posts its own form's token; the victim's browser sends the victim's cookie
        assertRefused(victim, victimCookie, "csrf", attackerToken, "username", "hank", "password", "hank-secret");
        // cookie and field agree, but the server never made the token (a planted cookie)
        String forged = "bm9uY2U." + (clock.instant().getEpochSecond() + 600) + ".c2lnbmF0dXJl";
        assertRefused(victim, LoginTokens.COOKIE + "=" + forged, "csrf", forged, "username", "hank",
                "password", "hank-secret");
        // a token past its lifetime, though the browser still sent the cookie
        clock.advance(LoginTokens.LIFETIME.plusSeconds(1));
        try {
            assertRefused(victim, victimCookie, "csrf", victimToken, "username", "hank", "password", "hank-secret");
        } finally {
            clock.advance(LoginTokens.LIFETIME.plusSeconds(1).negated());
        }
        // the victim's own form still logs the victim in
        victim.cookie = victimCookie;
        assertThat(victim.raw(victim.formPost("/login", "csrf", victimToken, "username", "hank", "password",
                "hank-secret")).statusCode()).isEqualTo(303);
    }

    @Test
    void aReRenderedFormCarriesAFreshTokenThatWorks() throws Exception {
        PageForms browser = new PageForms(web);
        HttpResponse<String> wrong = browser.login("username", "admin", "password", "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        browser.cookie = PageForms.setCookie(wrong, LoginTokens.COOKIE);
        String again = PageForms.csrf(wrong.body());
        assertThat(browser.cookie).isEqualTo(LoginTokens.COOKIE + "=" + again);
        assertThat(browser.raw(browser.formPost("/login", "csrf", again, "username", "admin", "password",
                "admin-secret")).statusCode()).isEqualTo(303);
    }

    private static void assertRefused(PageForms browser, String cookie, String... pairs) throws Exception {
        browser.cookie = cookie;
        HttpResponse<String> r = browser.raw(browser.formPost("/login", pairs));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Not allowed (403)").contains("security token").doesNotContain("Exception");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Sessions.COOKIE + "="));
    }

    // --- the throttle, for basic authentication and shared with the form ---

    @Test
    void fiveWrongBasicPasswordsLockTheNameWithAJson429EvenAgainstTheRightOne() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(basic("dave:guess" + i, "/api/v1/hosts").status()).isEqualTo(401);
        }
        HttpResponse<String> locked = basicRaw("dave:dave-secret", "/api/v1/hosts");
        assertLocked(locked);
        assertThat(locked.body()).contains("\"error\":\"too many requests\"")
                .contains("too many wrong passwords from this address");
        // pages too, and wrong passwords while locked are refused the same way
        assertLocked(basicRaw("dave:dave-secret", "/"));
        assertLocked(basicRaw("dave:another-guess", "/api/v1/status"));
        // other names are not affected
        assertThat(basic("admin:admin-secret", "/api/v1/hosts").status()).isEqualTo(200);
    }

    @Test
    void formAndBasicFailuresCountTogetherAndLockBoth() throws Exception {
        PageForms browser = new PageForms(web);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.login("username", "carol", "password", "guess" + i).statusCode()).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(basic("carol:guess" + i, "/api/v1/hosts").status()).isEqualTo(401);
        }
        assertLocked(basicRaw("carol:carol-secret", "/api/v1/hosts"));
        HttpResponse<String> form = browser.login("username", "carol", "password", "carol-secret");
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.body()).contains("Too many wrong passwords from this address");
    }

    @Test
    void aGoodLoginEitherWayStartsTheNameAfresh() throws Exception {
        PageForms browser = new PageForms(web);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            assertThat(basic("erin:guess" + i, "/api/v1/hosts").status()).isEqualTo(401);
        }
        assertThat(basic("erin:erin-secret", "/api/v1/hosts").status()).isEqualTo(200);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            assertThat(browser.login("username", "erin", "password", "guess" + i).statusCode()).isEqualTo(401);
        }
        assertThat(basic("erin:erin-secret", "/api/v1/hosts").status()).isEqualTo(200);
        assertThat(browser.login("username", "erin", "password", "erin-secret").statusCode()).isEqualTo(303);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            assertThat(basic("erin:guess" + i, "/api/v1/hosts").status()).isEqualTo(401);
        }
        assertThat(basic("erin:erin-secret", "/api/v1/hosts").status()).isEqualTo(200);
    }

    @Test
    void aLockAgesOutAfterTheWindow() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(basic("frank:guess" + i, "/api/v1/hosts").status()).isEqualTo(401);
        }
        assertLocked(basicRaw("frank:frank-secret", "/api/v1/hosts"));
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        try {
            assertThat(basic("frank:frank-secret", "/api/v1/hosts").status()).isEqualTo(200);
        } finally {
            clock.advance(LoginThrottle.WINDOW.plusSeconds(1).negated());
        }
    }

    private static void assertLocked(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.body()).startsWith("{").contains("\"error\":").contains("\"detail\":");
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, LoginThrottle.WINDOW.getSeconds());
    }

    private WebFixture.Reply basic(String credentials, String path) throws Exception {
        web.credentials = credentials;
        try {
            return web.get(path);
        } finally {
            web.credentials = null;
        }
    }

    private HttpResponse<String> basicRaw(String credentials, String path) throws Exception {
        PageForms client = new PageForms(web);
        return client.raw(client.request(path).GET().header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** A clock the tests move: the web server's sessions, login tokens and throttle read it. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
