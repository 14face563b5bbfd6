package org.vigil.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget of password hashes on a hand-moved clock: its burst, its rate, its concurrency, its Retry-After. */
class PasswordChecksTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
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
    };

    @Test
    void aSecondsWorthAtOnceThenTheRateAndNeverMoreThanTheConcurrency() {
        PasswordChecks checks = new PasswordChecks(clock, new PasswordChecks.Limits(4, 2));
        List<Boolean> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(checks.tryStart());
        }
        assertThat(started).containsExactly(true, true, false); // two running: the third waits for one to end
        checks.finish();
        checks.finish();
        assertThat(checks.tryStart()).isTrue();
        checks.finish();
        assertThat(checks.tryStart()).isTrue();
        checks.finish();
        assertThat(checks.tryStart()).as("the bucket of 4 is spent").isFalse();
        assertThat(checks.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        now = now.plusMillis(250); // a quarter second at 4 a second: one more
        assertThat(checks.tryStart()).isTrue();
        checks.finish();
        assertThat(checks.tryStart()).isFalse();

        now = now.plusSeconds(60); // never more than a second's worth at once
        int burst = 0;
        while (checks.tryStart()) {
            checks.finish();
            burst++;
        }
        assertThat(burst).isEqualTo(4);
    }

    @Test
    void retryAfterCoversASlowRate() {
        PasswordChecks checks = new PasswordChecks(clock, new PasswordChecks.Limits(1, 1));
        assertThat(checks.tryStart()).isTrue();
        checks.finish();
        assertThat(checks.tryStart()).isFalse();
        assertThat(checks.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void usersAnswerBusyWithoutHashingAndCachedCredentialsStillPass() {
        int[] hashes = {0};
        PasswordChecks checks = new PasswordChecks(clock, new PasswordChecks.Limits(1, 1));
        UserConfig alice = new UserConfig();
        alice.name = "alice";
        alice.passwordHash = PasswordHash.hash("alice-secret", 1_000);
        Users users = new Users(List.of(alice), new VerifiedCredentials(clock, VerifiedCredentials.Limits.DEFAULT),
                (password, stored) -> {
                    hashes[0]++;
                    return PasswordHash.verify(password, stored);
                }, checks);
        assertThat(users.check("alice", "alice-secret").verified()).isPresent();
        Users.Check busy = users.check("alice", "wrong");
        assertThat(busy.busy()).isTrue();
        assertThat(busy.busyFor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(users.check("nobody", "wrong").busy()).as("unknown names alike").isTrue();
        assertThat(users.check("alice", "alice-secret").verified()).as("verified lately").isPresent();
        assertThat(hashes[0]).isEqualTo(1);
    }
}
