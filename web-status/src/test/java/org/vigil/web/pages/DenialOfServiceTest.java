package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.RawHttp;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * Unauthenticated denial of service, on the real app in this JVM: many requests with random 4,000-character user
 * names, from random client addresses (each one a fresh key for the login throttle) and from one address with
 * bodies at the size limit, keep the used heap after GC flat, while an admin from another address keeps having
 * checks run. Before issue 15, 20,000 such names kept +83 MB. Runs {@code vigil.dos.seconds} (20) or, given,
 * {@code vigil.dos.requests} requests ({@code bench/dos/run.sh} asks 100,000), and prints its figures.
 * <p>
 * The users' hashes are cheap (1,000 iterations, and the dummy of unknown names with them) and the budget of password
 * hashes is raised out of the way ({@code auth.password_checks}; {@code PasswordChecksAppTest} tests it), so that
 * thousands of distinct addresses are each refused after a hash, which is what fills the throttle's table; with real
 * hashes and the default budget the same attack is mostly 503s without a hash.
 */
class DenialOfServiceTest {

    /** Names as long as the attack's; a 4,000-character name (and short password) fits the 8 KiB header limit in Base64. */
    static final int NAME = 4_000;
    /** Request bodies at issue 15's request body limit (limits.max_request_body_bytes: 256 KiB). */
    static final int BODY = 256 * 1024;
    /** Form bodies under Jetty's own form limit (200,000 bytes) too, whichever limit the build enforces. */
    static final int FORM = 190_000;
    /** Counted for a connection the server closed before the client read an answer (a body it would not read). */
    static final int CLOSED = 0;
    /** The admin's address, kept out of the random ones so nothing the attack does locks it. */
    static final String ADMIN_FROM = "127.255.255.254";

    @Test
    void randomNamesAndBodiesAtTheLimitsKeepTheHeapFlatAndTheEngineChecking(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vigil.yml"), """
                auth:
                  password_checks: { max_per_second: 100000, max_concurrent: 64 }
                  users:
                    - { name: admin, password_hash: "%s", all_objects: true }
                """.formatted(PasswordHash.hash("admin-secret", 1_000)));
        long seconds = Long.getLong("vigil.dos.seconds", 20);
        long requests = Long.getLong("vigil.dos.requests", 0);
        try (WebFixture web = new WebFixture(dir, WebServer.configuration(dir.resolve("vigil.yml")))) {
            Attack attack = new Attack(web.web.port());
            assertThat(admin(web, "POST", "/api/v1/services/web1/http/active-checks", "{\"enabled\":true}").status())
                    .isEqualTo(200);
            attack.run(2_000, 0); // warm-up: classes loaded, pools and caches at their working size
            long before = usedAfterGc();
            Probe probe = new Probe(web);
            probe.start();
            long start = System.nanoTime();
            attack.reset();
            attack.run(requests, requests > 0 ? 0 : seconds * 1_000);
            double took = (System.nanoTime() - start) / 1e9;
            probe.stop();
            long after = usedAfterGc();
            double growth = (after - before) / 1048576.0;
            System.out.printf("dos bench: %d requests in %.1f s (%.0f/s) from %d addresses, names of %d chars, "
                            + "bodies %d B; answers %s%n", attack.sent.sum(), took, attack.sent.sum() / took,
                    attack.addresses.get(), NAME, BODY, attack.statuses);
            System.out.printf("dos bench: used heap after GC %.1f MB before, %.1f MB after: %+.1f MB%n",
                    before / 1048576.0, after / 1048576.0, growth);
            System.out.printf("dos bench: engine checks run for the admin meanwhile: %d of %d probes, slowest %d ms%n",
                    probe.ok.get(), probe.tries.get(), probe.slowest.get());
            assertThat(attack.statuses.keySet()).isSubsetOf(CLOSED, 401, 403, 429);
            assertThat(attack.statuses.get(401)).as("refused after a password hash").isGreaterThan(100);
            assertThat(growth).as("used heap growth after GC, MB").isLessThan(16.0);
            assertThat(probe.tries.get()).isGreaterThan(0);
            assertThat(probe.ok.get()).isEqualTo(probe.tries.get());
            assertThat(web.admin("/healthcheck").status()).isEqualTo(200);
        }
    }

    /** The attacker: four threads, each its own kind of request. */
    static final class Attack {
        final int port;
        final HttpClient http = HttpClient.newHttpClient();
        final LongAdder sent = new LongAdder();
        final AtomicInteger addresses = new AtomicInteger();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final String json = "{\"forced\":true,\"pad\":\"" + "x".repeat(BODY - 30) + "\"}";

        Attack(int port) {
            this.port = port;
        }

        void reset() {
            sent.reset();
            addresses.set(0);
            statuses.clear();
        }

        /** Runs until {@code count} requests are sent (0: no count) or {@code millis} have passed (0: no time). */
        void run(long count, long millis) throws InterruptedException {
            long end = millis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
            AtomicLong left = new AtomicLong(count == 0 ? Long.MAX_VALUE : count);
            List<Thread> threads = new ArrayList<>();
            List<ThrowingRunnable> kinds = List.of(this::fromRandomAddress, this::fromRandomAddress,
                    this::apiBodyAtTheLimit, this::loginFormAtTheLimit);
            for (ThrowingRunnable kind : kinds) {
                Thread t = new Thread(() -> {
                    while (System.currentTimeMillis() < end && left.getAndDecrement() > 0) {
                        try {
                            kind.run();
                        } catch (java.io.IOException e) {
                            // the server answered without reading the whole body and closed: refused, as meant
                            count(CLOSED);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        sent.increment();
                    }
                }, "dos-attack");
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }

        /** A GET with a random name from a random client address: each a new throttle key and a password hash. */
        void fromRandomAddress() throws Exception {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String from = "127." + r.nextInt(254) + "." + r.nextInt(256) + "." + (1 + r.nextInt(253));
            addresses.incrementAndGet();
            count(RawHttp.get(from, port, "/api/v1/status", randomName() + ":x").status());
        }

        /** An API POST with a body at the limit and a random name, from 127.0.0.1 (locked after 30). */
        void apiBodyAtTheLimit() throws Exception {
            count(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/hosts/web1/recheck")).header("Content-Type", "application/json")
                    .header("Authorization", basic(randomName(), "x")).POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }

        /** The login form posted with a random name and a body at the form limit (no token: a 403 page). */
        void loginFormAtTheLimit() throws Exception {
            String name = randomName();
            String body = "username=" + name + "&password=x&pad=" + "y".repeat(FORM - name.length() - 30);
            count(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }

        private void count(int status) {
            statuses.merge(status, 1, Integer::sum);
        }

        private static String randomName() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            char[] c = new char[NAME];
            for (int i = 0; i < c.length; i++) {
                c[i] = (char) ('a' + r.nextInt(26));
            }
            return new String(c);
        }
    }

    /** A task that may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The admin, from its own address, forcing a check of web1/http every second and waiting for its result. */
    static final class Probe {
        final WebFixture web;
        final AtomicInteger tries = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicLong slowest = new AtomicLong();
        volatile boolean running = true;
        Thread thread;

        Probe(WebFixture web) {
            this.web = web;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        once();
                        Thread.sleep(1_000);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, "dos-probe");
            thread.start();
        }

        void once() throws Exception {
            tries.incrementAndGet();
            long start = System.nanoTime();
            String last = lastCheck();
            if (admin(web, "POST", "/api/v1/services/web1/http/recheck", "{\"forced\":true}").status() != 200) {
                return;
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                String now = lastCheck();
                if (!now.equals(last)) {
                    ok.incrementAndGet();
                    slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    return;
                }
                Thread.sleep(50);
            }
        }

        private String lastCheck() throws Exception {
            RawHttp.Reply r = admin(web, "GET", "/api/v1/services/web1/http", null);
            int at = r.body().indexOf("\"last_check\":");
            return at < 0 ? "" : r.body().substring(at, Math.min(r.body().length(), at + 50));
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    static RawHttp.Reply admin(WebFixture web, String method, String path, String json) throws Exception {
        String body = json == null ? "" : json;
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + basic("admin", "admin-secret") + "\r\n" + (json == null ? "" : "Content-Type: application/json\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n";
        return RawHttp.send(ADMIN_FROM, web.web.port(), (head + body).getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
