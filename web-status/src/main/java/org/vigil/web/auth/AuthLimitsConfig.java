package org.vigil.web.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * {@code auth.throttle} and {@code auth.credential_cache} of {@code vigil.yml}: the login throttle's limits and the
 * cache of verified basic credentials, each with the defaults of {@link LoginThrottle.Limits#DEFAULT} and
 * {@link VerifiedCredentials.Limits#DEFAULT}.
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

    private AuthLimitsConfig() {
    }
}
