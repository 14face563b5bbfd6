package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.RawHttp;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * The budget of password hashes ({@code auth.password_checks}, here 2 a second, 1 at once) on the real app with
 * real hashes: wrong passwords from many client addresses at once, each a stranger to the per-address throttle, get
 * a quick 503 with {@code Retry-After} beyond the budget instead of a hash each, while a session and basic
 * credentials verified before keep working; the login form says so too, and works again once the budget refills.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordChecksAppTest {

    static final String ADMIN_FROM = "127.0.0.250";

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vigil.yml"), """
                auth:
                  password_checks: { max_per_second: 2, max_concurrent: 1 }
                  users:
                    - { name: admin, password_hash: "%s", all_objects: true }
                    - { name: gina, password_hash: "%s", all_objects: true }
                """.formatted(PasswordHash.hash("admin-secret"), PasswordHash.hash("gina-secret")));
        web = new WebFixture(dir, WebServer.configuration(dir.resolve("vigil.yml")));
    }

    @AfterAll
    void stop() {
        web.close();
    }

    /** Wrong passwords from {@code clients} addresses at once (127.0.1.x), one request each; statuses counted. */
    private Map<Integer, Integer> burst(int clients, List<String> retryAfter, AtomicLong slowest503) throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String from = "127.0.1." + (i + 1);
            String name = i % 2 == 0 ? "admin" : "stranger" + i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    long start = System.nanoTime();
                    RawHttp.Reply r = RawHttp.get(from, web.web.port(), "/api/v1/status", name + ":wrong");
                    statuses.merge(r.status(), 1, Integer::sum);
                    if (r.status() == 503) {
                        slowest503.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        r.head().lines().filter(l -> l.startsWith("Retry-After: ")).forEach(retryAfter::add);
                    }
                } catch (Exception e) {
                    statuses.merge(-1, 1, Integer::sum);
                }
            });
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return statuses;
    }

    @Test
    void wrongPasswordsFromManyAddressesAreRefusedQuicklyPastTheBudgetAndUsersInAreNotAffected() throws Exception {
        assertThat(RawHttp.get(ADMIN_FROM, web.web.port(), "/api/v1/status", "admin:admin-secret").status())
                .isEqualTo(200); // verified now: remembered for a minute
        PageForms gina = new PageForms(web);
        HttpResponse<String> in = gina.login("username", "gina", "password", "gina-secret", "return_to", "/");
        assertThat(in.statusCode()).isEqualTo(303);
        gina.cookie = PageForms.setCookie(in, org.vigil.web.auth.Sessions.COOKIE);
        Thread.sleep(1_100); // the bucket full again

        List<String> retryAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong slowest503 = new AtomicLong();
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = burst(40, retryAfter, slowest503);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(401, 503);
        // a full bucket (2), then 2 a second: the rest were not hashed
        assertThat(statuses.getOrDefault(401, 0)).as(statuses + " in " + seconds + " s")
                .isLessThanOrEqualTo(2 + (int) Math.ceil(2 * seconds));
        assertThat(statuses.get(503)).as(statuses.toString()).isGreaterThanOrEqualTo(30);
        assertThat(retryAfter).hasSize(statuses.get(503)).allMatch(h -> h.matches("Retry-After: \\d+"));
        assertThat(slowest503.get()).as("the slowest 503, ms").isLessThan(2_000);

        // users already in: the verified basic credentials and the session
        assertThat(burstAnd(() -> RawHttp.get(ADMIN_FROM, web.web.port(), "/api/v1/status", "admin:admin-secret")
                .status())).isEqualTo(200);
        assertThat(burstAnd(() -> gina.get("/api/v1/status").status())).isEqualTo(200);
    }

    @Test
    void theLoginFormSaysSoWhileTheBudgetIsSpentAndWorksOnceItRefills() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger n = new AtomicInteger();
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                while (attacking.get()) {
                    try {
                        int k = n.incrementAndGet();
                        RawHttp.get("127.0.2." + (1 + k % 250), web.web.port(), "/api/v1/status", "x" + k + ":wrong");
                    } catch (Exception e) {
                        // the next one
                    }
                }
            });
            attackers.add(t);
            t.start();
        }
        WebFixture.Reply busy = null;
        try {
            for (int i = 0; i < 20 && busy == null; i++) {
                WebFixture.Reply r = new PageForms(web).loginReply("username", "gina", "password", "gina-secret",
                        "return_to", "/");
                busy = r.status() == 503 ? r : null;
            }
        } finally {
            attacking.set(false);
            for (Thread t : attackers) {
                t.join();
            }
        }
        assertThat(busy).as("a login form answered 503 while the budget was spent").isNotNull();
        assertThat(busy.contentType()).startsWith("text/html");
        assertThat(busy.text()).contains("Too many passwords are being checked just now; try again in");

        Thread.sleep(1_100);
        HttpResponse<String> in = new PageForms(web).login("username", "gina", "password", "gina-secret",
                "return_to", "/");
        assertThat(in.statusCode()).isEqualTo(303);
    }

    /** A call made while another burst of wrong passwords is spending the budget. */
    private int burstAnd(ThrowingCall call) throws Exception {
        AtomicLong ignored = new AtomicLong();
        Thread attack = new Thread(() -> {
            try {
                burst(20, new java.util.concurrent.CopyOnWriteArrayList<>(), ignored);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        attack.start();
        Thread.sleep(50);
        int status = call.call();
        attack.join();
        return status;
    }

    interface ThrowingCall {
        int call() throws Exception;
    }
}
