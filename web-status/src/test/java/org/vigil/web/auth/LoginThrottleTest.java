package org.vigil.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The login throttle: five failures in five minutes lock a name until the oldest is five minutes old. */
class LoginThrottleTest {

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

    @Test
    void locksAfterFiveFailuresUntilTheOldestIsFiveMinutesOld() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            t.failed("Alice");
            now = now.plusSeconds(10);
        }
        assertThat(t.waitFor("alice")).isEmpty();
        t.failed("alice ");
        assertThat(t.waitFor("alice")).contains(Duration.ofMinutes(5).minusSeconds(40));
        assertThat(t.waitFor("bob")).isEmpty();
        now = now.plus(Duration.ofMinutes(5)).minusSeconds(40);
        assertThat(t.waitFor("alice")).isEmpty(); // the first failure aged out
    }

    @Test
    void aGoodLoginStartsAfresh() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            t.failed("alice");
        }
        t.succeeded("alice");
        t.failed("alice");
        assertThat(t.waitFor("alice")).isEmpty();
    }
}
