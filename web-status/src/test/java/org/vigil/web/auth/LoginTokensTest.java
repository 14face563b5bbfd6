package org.vigil.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The login form's tokens: only this server's, only while live, only when cookie and field are the same. */
class LoginTokensTest {

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
    void aFreshTokenIsValidWhenCookieAndFieldAgreeUntilItsLifetimeEnds() {
        LoginTokens tokens = new LoginTokens(clock);
        String t = tokens.issue();
        assertThat(t).matches("[A-Za-z0-9_-]+\\.[0-9]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.issue()).isNotEqualTo(t);
        assertThat(tokens.valid(t, t)).isTrue();
        now = now.plus(LoginTokens.LIFETIME).minusSeconds(1);
        assertThat(tokens.valid(t, t)).isTrue();
        now = now.plusSeconds(1);
        assertThat(tokens.valid(t, t)).isFalse();
    }

    @Test
    void mismatchedMissingForgedOrForeignTokensAreRefused() {
        LoginTokens tokens = new LoginTokens(clock);
        String t = tokens.issue();
        String other = tokens.issue();
        assertThat(tokens.valid(t, other)).isFalse();
        assertThat(tokens.valid(null, t)).isFalse();
        assertThat(tokens.valid(t, null)).isFalse();
        assertThat(tokens.valid("", "")).isFalse();
        assertThat(tokens.valid("x", "x")).isFalse();
        assertThat(tokens.valid("a.b", "a.b")).isFalse();
        assertThat(tokens.valid("..", "..")).isFalse();
        // a later expiry written into a real token breaks its signature
        String[] parts = t.split("\\.");
        String extended = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        assertThat(tokens.valid(extended, extended)).isFalse();
        // another server (or this one before a restart) made it
        String foreign = new LoginTokens(clock).issue();
        assertThat(tokens.valid(foreign, foreign)).isFalse();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(tokens.valid(t, t)).isTrue();
    }
}
