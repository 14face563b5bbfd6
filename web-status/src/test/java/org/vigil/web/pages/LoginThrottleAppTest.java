package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.RawHttp;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.LoginThrottle;
import org.vigil.web.auth.PasswordHash;

/**
 * The login throttle per client address, on the real app with its default limits: each "client" is its own
 * loopback source address (127.0.0.x), as the server sees it. A stranger's wrong passwords lock the stranger, not
 * the user; and an unknown name takes as long to refuse as a known one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleAppTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // the budget of password hashes is raised out of the way: these requests come faster than its default
        // 10 a second, and PasswordChecksAppTest tests it
        Files.writeString(dir.resolve("vigil.yml"), """
                auth:
                  password_checks: { max_per_second: 1000, max_concurrent: 16 }
                  users:
                    - { name: alice, password_hash: "%s", all_objects: true }
                    - { name: admin, password_hash: "%s", all_objects: true }
                    - { name: carol, password_hash: "%s", all_objects: true }
                """.formatted(PasswordHash.hash("alice-secret"), PasswordHash.hash("admin-secret"),
                PasswordHash.hash("carol-secret")));
        web = new WebFixture(dir, WebServer.configuration(dir.resolve("vigil.yml")));
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private RawHttp.Reply get(String from, String credentials) throws Exception {
        return RawHttp.get(from, web.web.port(), "/api/v1/status", credentials);
    }

    @Test
    void aNameLockedByAStrangerStillLogsInFromItsUsersAddress() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(get("127.0.0.2", "alice:guess" + i).status()).isEqualTo(401);
        }
        RawHttp.Reply locked = get("127.0.0.2", "alice:alice-secret");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.head()).contains("Retry-After: ");
        assertThat(locked.body()).contains("too many wrong passwords from this address");
        assertThat(get("127.0.0.3", "alice:alice-secret").status()).isEqualTo(200);
        // and the stranger may still use its own account
        assertThat(get("127.0.0.2", "admin:admin-secret").status()).isEqualTo(200);
    }

    @Test
    void thirtyWrongPasswordsFromOneAddressLockThatAddressForEveryName() throws Exception {
        for (int i = 0; i < LoginThrottle.Limits.DEFAULT.perAddress(); i++) {
            assertThat(get("127.0.0.4", "guess" + i + ":x").status()).isEqualTo(401);
        }
        assertThat(get("127.0.0.4", "admin:admin-secret").status()).isEqualTo(429);
        assertThat(get("127.0.0.5", "admin:admin-secret").status()).isEqualTo(200);
    }

    @Test
    void anUnknownNameIsRefusedAsSlowlyAsAKnownOne() throws Exception {
        get("127.0.1.250", "nobody:x");
        long[] known = new long[9];
        long[] unknown = new long[9];
        for (int i = 0; i < known.length; i++) {
            // a fresh address each time, so no lock is in the way
            known[i] = time("127.0.1." + (2 * i + 1), "alice:wrong" + i);
            unknown[i] = time("127.0.1." + (2 * i + 2), "nobody" + i + ":wrong");
        }
        Arrays.sort(known);
        Arrays.sort(unknown);
        double k = known[4] / 1e6;
        double u = unknown[4] / 1e6;
        System.out.printf("401 through the app: known name %.1f ms, unknown name %.1f ms (medians of 9)%n", k, u);
        assertThat(u / k).isBetween(1 / 3.0, 3.0);
        assertThat(u).as("an unknown name costs a password hash too").isGreaterThan(5.0);
    }

    @Test
    void repeatedGoodBasicCredentialsAreNotHashedAgain() throws Exception {
        long first = time200("127.0.0.6", "carol:carol-secret");
        // carol is used by this test only, so the first request is the one that hashes
        long[] again = new long[50];
        for (int i = 0; i < again.length; i++) {
            again[i] = time200("127.0.0.6", "carol:carol-secret");
        }
        Arrays.sort(again);
        System.out.printf("basic auth through the app: first request %.1f ms (a password hash), then median %.2f ms"
                + " (cached)%n", first / 1e6, again[again.length / 2] / 1e6);
        // a hash is about 50 ms here; a cached pair costs a request's ordinary time
        assertThat(again[again.length / 2]).isLessThan(first / 3);
    }

    private long time200(String from, String credentials) throws Exception {
        long start = System.nanoTime();
        assertThat(get(from, credentials).status()).isEqualTo(200);
        return System.nanoTime() - start;
    }

    private long time(String from, String credentials) throws Exception {
        long start = System.nanoTime();
        assertThat(get(from, credentials).status()).isEqualTo(401);
        return System.nanoTime() - start;
    }
}
