package org.vigil.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The login throttle: five failures in five minutes from one address lock that address for that name, thirty lock
 * the address for every name; nothing locks a name for other addresses; the table holds a bounded number of keys
 * whatever names and addresses come.
 */
class LoginThrottleTest {

    private static final String HOME = "192.0.2.1";
    private static final String STRANGER = "198.51.100.7";

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
    void locksTheAddressAndNameAfterFiveFailuresUntilTheOldestIsFiveMinutesOld() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            t.failed(STRANGER, "Alice");
            now = now.plusSeconds(10);
        }
        assertThat(t.waitFor(STRANGER, "alice")).isEmpty();
        t.failed(STRANGER, "alice ");
        assertThat(t.waitFor(STRANGER, "alice")).contains(Duration.ofMinutes(5).minusSeconds(40));
        assertThat(t.waitFor(STRANGER, "bob")).isEmpty();
        now = now.plus(Duration.ofMinutes(5)).minusSeconds(40);
        assertThat(t.waitFor(STRANGER, "alice")).isEmpty(); // the first failure aged out
    }

    @Test
    void aStrangerLockingANameDoesNotLockItsUserAtAnotherAddress() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 100; i++) {
            t.failed(STRANGER, "alice");
        }
        assertThat(t.waitFor(STRANGER, "alice")).isPresent();
        assertThat(t.waitFor(HOME, "alice")).isEmpty();
    }

    @Test
    void thirtyFailuresFromOneAddressLockItForEveryName() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 29; i++) {
            t.failed(STRANGER, "name" + i);
        }
        assertThat(t.waitFor(STRANGER, "someone-else")).isEmpty();
        t.failed(STRANGER, "name29");
        assertThat(t.waitFor(STRANGER, "someone-else")).contains(LoginThrottle.WINDOW);
        assertThat(t.waitFor(HOME, "someone-else")).isEmpty();
    }

    @Test
    void aGoodLoginStartsTheAddressAfreshWithThatNameOnly() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            t.failed(HOME, "alice");
        }
        t.succeeded(HOME, "alice");
        t.failed(HOME, "alice");
        assertThat(t.waitFor(HOME, "alice")).isEmpty();
        // but a good login with one's own account does not reset the address's count of guesses at others
        for (int i = 0; i < 25; i++) {
            t.failed(HOME, "victim" + i);
        }
        t.succeeded(HOME, "alice");
        assertThat(t.waitFor(HOME, "victim99")).isPresent();
    }

    @Test
    void anIpv6ClientIsOneClientAcrossItsSlash64() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            t.failed("2001:db8:1:2::" + Integer.toHexString(i + 1), "alice");
        }
        assertThat(t.waitFor("2001:db8:1:2:ffff::9", "alice")).isPresent();
        assertThat(t.waitFor("2001:db8:1:3::1", "alice")).isEmpty();
        assertThat(LoginThrottle.network("2001:db8:1:2::1")).isEqualTo(LoginThrottle.network("2001:DB8:1:2:0:0:0:7"));
    }

    @Test
    void theTableStaysBoundedWhateverNamesAndAddressesCome() {
        LoginThrottle t = new LoginThrottle(clock, new LoginThrottle.Limits(5, 30, Duration.ofMinutes(5), 1_000));
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String longName = "x".repeat(4_000);
        for (int i = 0; i < 50_000; i++) {
            String address = r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            t.failed(address, longName + r.nextLong());
        }
        assertThat(t.tracked()).isLessThanOrEqualTo(1_000);
        // the most recent lock is still there (least recently used keys go first)
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            t.failed(STRANGER, "alice");
        }
        assertThat(t.waitFor(STRANGER, "alice")).isPresent();
        assertThat(t.tracked()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void keysWhoseFailuresAllAgedOutAreDroppedWhenLookedAt() {
        LoginThrottle t = new LoginThrottle(clock);
        t.failed(STRANGER, "alice");
        assertThat(t.tracked()).isEqualTo(2); // the address, and the address with the name
        now = now.plus(LoginThrottle.WINDOW);
        assertThat(t.waitFor(STRANGER, "alice")).isEmpty();
        assertThat(t.tracked()).isZero();
    }
}
