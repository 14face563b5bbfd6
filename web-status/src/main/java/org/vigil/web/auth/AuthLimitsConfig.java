package org.vigil.web.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * {@code auth.throttle}, {@code auth.credential_cache} and {@code auth.password_checks} of {@code vigil.yml}: the
 * login throttle's limits, the cache of verified basic credentials and the budget of password hashes, with the
 * defaults of {@link LoginThrottle.Limits#DEFAULT}, {@link VerifiedCredentials.Limits#DEFAULT} and
 * {@link PasswordChecks.Limits#DEFAULT}.
 */
public final class AuthLimitsConfig {

    /** {@code auth.throttle:} wrong passwords per address and name, per address, the window, keys kept. */
    public static final class Throttle {
        @Min(1)
        @Max(1_000)
        @JsonProperty("max_failures_per_name")
        public int maxFailuresPerName = LoginThrottle.Limits.DEFAULT.perName();

        @Min(1)
        @Max(100_000)
        @JsonProperty("max_failures_per_address")
        public int maxFailuresPerAddress = LoginThrottle.Limits.DEFAULT.perAddress();

        @Min(1)
        @Max(86_400)
        @JsonProperty("window_seconds")
        public long windowSeconds = LoginThrottle.Limits.DEFAULT.window().getSeconds();

        @Min(1)
        @Max(10_000_000)
        @JsonProperty("max_tracked")
        public int maxTracked = LoginThrottle.Limits.DEFAULT.maxTracked();

        public LoginThrottle.Limits limits() {
            return new LoginThrottle.Limits(maxFailuresPerName, maxFailuresPerAddress,
                    Duration.ofSeconds(windowSeconds), maxTracked);
        }
    }

    /** {@code auth.credential_cache:} how long and how many verified basic credentials are kept (0: off). */
    public static final class CredentialCache {
        @Min(0)
        @Max(3_600)
        @JsonProperty("ttl_seconds")
        public long ttlSeconds = VerifiedCredentials.Limits.DEFAULT.ttl().getSeconds();

        @Min(0)
        @Max(1_000_000)
        @JsonProperty("max_entries")
        public int maxEntries = VerifiedCredentials.Limits.DEFAULT.maxEntries();

        public VerifiedCredentials.Limits limits() {
            return new VerifiedCredentials.Limits(Duration.ofSeconds(ttlSeconds), maxEntries);
        }
    }

    /** {@code auth.password_checks:} how many password hashes the server makes for everyone together. */
    public static final class Checks {
        @Min(1)
        @Max(100_000)
        @JsonProperty("max_per_second")
        public int maxPerSecond = PasswordChecks.Limits.DEFAULT.maxPerSecond();

        @Min(1)
        @Max(1_024)
        @JsonProperty("max_concurrent")
        public int maxConcurrent = PasswordChecks.Limits.DEFAULT.maxConcurrent();

        public PasswordChecks.Limits limits() {
            return new PasswordChecks.Limits(maxPerSecond, maxConcurrent);
        }
    }

    private AuthLimitsConfig() {
    }
}
