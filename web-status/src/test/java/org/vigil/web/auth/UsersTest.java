package org.vigil.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checking passwords: unknown names cost the same hash as known ones, and a good pair is remembered for the cache's
 * TTL so that repeating it does not hash again; wrong pairs are never remembered.
 */
class UsersTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** A low-cost hash (1,000 iterations) so the test is quick; the counting is what matters here. */
    private final List<UserConfig> config = List.of(new UserConfig("alice",
            PasswordHash.hash("alice-secret", 1_000), "alice", false, false));
    private final AtomicInteger hashes = new AtomicInteger();
    private final Users.Verifier counting = (password, stored) -> {
        hashes.incrementAndGet();
        return PasswordHash.verify(password, stored);
    };

    @Test
    void aCacheHitDoesNotHashAgainUntilTheTtlEnds() {
        Users users = new Users(config, new VerifiedCredentials(clock,
                new VerifiedCredentials.Limits(Duration.ofSeconds(60), 10)), counting);
        assertThat(users.authenticate("alice", "alice-secret")).isPresent();
        assertThat(hashes).hasValue(1);
        for (int i = 0; i < 100; i++) {
            assertThat(users.authenticate("alice", "alice-secret")).map(WebUser::contact).contains("alice");
        }
        assertThat(hashes).hasValue(1);
        now = now.plusSeconds(61);
        assertThat(users.authenticate("alice", "alice-secret")).isPresent();
        assertThat(hashes).hasValue(2);
    }

    @Test
    void wrongPasswordsAndUnknownNamesHashEveryTimeAndAreNeverCached() {
        VerifiedCredentials cache = new VerifiedCredentials(clock, VerifiedCredentials.Limits.DEFAULT);
        Users users = new Users(config, cache, counting);
        for (int i = 0; i < 3; i++) {
            assertThat(users.authenticate("alice", "wrong")).isEmpty();
            assertThat(users.authenticate("mallory", "alice-secret")).isEmpty();
        }
        assertThat(hashes).as("an unknown name is hashed like a known one").hasValue(6);
        assertThat(cache.size()).isZero();
        // the same characters split differently between name and password are another key
        assertThat(users.authenticate("alice", "alice-secret")).isPresent();
        assertThat(users.authenticate("alicea", "lice-secret")).isEmpty();
    }

    @Test
    void theCacheIsBoundedAndOffWhenAskedAndClearedOnRequest() {
        VerifiedCredentials cache = new VerifiedCredentials(clock, new VerifiedCredentials.Limits(
                Duration.ofSeconds(60), 3));
        for (int i = 0; i < 10; i++) {
            cache.remember("user" + i, "pw", new WebUser("user" + i, null, true, false));
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find("user9", "pw")).isPresent();
        assertThat(cache.find("user0", "pw")).isEmpty();
        cache.clear();
        assertThat(cache.find("user9", "pw")).isEmpty();

        Users off = new Users(config, new VerifiedCredentials(clock, VerifiedCredentials.Limits.OFF), counting);
        off.authenticate("alice", "alice-secret");
        off.authenticate("alice", "alice-secret");
        assertThat(hashes).hasValue(2);
    }

    @Test
    void anUnknownNameTakesAboutAsLongAsAKnownOneWithAWrongPassword() {
        // the real strength (PasswordHash.hash's iterations): the dummy hash is as costly as the users' own
        Users users = new Users(List.of(new UserConfig("alice", PasswordHash.hash("alice-secret"), null, true,
                false)));
        users.authenticate("warm-up", "x");
        users.authenticate("alice", "x");
        // interleaved, so a machine busy with other work slows both alike
        long[] known = new long[9];
        long[] unknown = new long[9];
        for (int i = 0; i < known.length; i++) {
            known[i] = nanos(() -> users.authenticate("alice", "wrong"));
            unknown[i] = nanos(() -> users.authenticate("nobody-" + System.nanoTime(), "wrong"));
        }
        java.util.Arrays.sort(known);
        java.util.Arrays.sort(unknown);
        System.out.printf("password check: known name %.1f ms, unknown name %.1f ms (medians of 9)%n",
                known[4] / 1e6, unknown[4] / 1e6);
        assertThat((double) unknown[4] / known[4]).isBetween(1 / 3.0, 3.0);
    }

    private static long nanos(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }
}
