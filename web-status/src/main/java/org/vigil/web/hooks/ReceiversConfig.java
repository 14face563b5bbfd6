package org.vigil.web.hooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code receivers:} in {@code vigil.yml}: the pagers' webhooks Vigil accepts (both off by default), and the bounds
 * every receiver shares: how old an event may be, how many event ids are remembered to refuse replays, how large a
 * body is read.
 */
public final class ReceiversConfig {

    /** {@code receivers.pagerduty:} PagerDuty v3 webhooks, signed with a subscription's secret. */
    public static final class PagerDuty {
        @JsonProperty
        public boolean enabled;

        /** The subscription's signing secrets: a signature by any of them is accepted (PagerDuty rotates them). */
        @JsonProperty("signing_secrets")
        public List<String> signingSecrets = new ArrayList<>();
    }

    /** {@code receivers.opsgenie:} Opsgenie alert webhooks, carrying a shared token in a header. */
    public static final class Opsgenie {
        @JsonProperty
        public boolean enabled;

        /** The tokens accepted in {@code X-Vigil-Token} (or {@code Authorization: Bearer}); any listed one does. */
        @JsonProperty
        public List<String> tokens = new ArrayList<>();
    }

    @Valid
    @JsonProperty
    public PagerDuty pagerduty = new PagerDuty();

    @Valid
    @JsonProperty
    public Opsgenie opsgenie = new Opsgenie();

    /**
     * An event whose time is further than this from now (either way) is refused; event ids are remembered this
     * long. The default covers PagerDuty's retries (5 attempts over about 20 minutes).
     */
    @JsonProperty("replay_window_seconds")
    @Min(10)
    @Max(86_400)
    public int replayWindowSeconds = 1800;

    /** The most event ids remembered; past it the oldest are forgotten (their time still refuses them later). */
    @JsonProperty("remembered_events")
    @Min(100)
    @Max(1_000_000)
    public int rememberedEvents = 10_000;

    /** A larger body is refused (413) before it is read. PagerDuty sends at most 256 KB. */
    @JsonProperty("max_body_bytes")
    @Min(1024)
    @Max(4L << 20)
    public int maxBodyBytes = 256 << 10;

    /** The replay window as a duration. */
    public Duration window() {
        return Duration.ofSeconds(replayWindowSeconds);
    }

    /** What is wrong beyond the annotations, each naming its key: an enabled receiver needs a secret or token. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (pagerduty.enabled) {
            secrets("receivers.pagerduty.signing_secrets", pagerduty.signingSecrets, "the webhook subscription's "
                    + "signing secret", out);
        }
        if (opsgenie.enabled) {
            secrets("receivers.opsgenie.tokens", opsgenie.tokens, "a token the Opsgenie webhook sends in the "
                    + "X-Vigil-Token header", out);
        }
        return out;
    }

    private static void secrets(String key, List<String> values, String what, List<String> out) {
        if (values == null || values.isEmpty()) {
            out.add(key + ": the receiver is enabled but lists none (expected " + what + ")");
            return;
        }
        for (String v : values) {
            if (v == null || v.isBlank()) {
                out.add(key + ": an empty entry (expected " + what + ")");
            } else if (v.startsWith("${") && v.endsWith("}")) {
                out.add(key + ": " + v + " was not replaced: the environment variable is not set");
            } else if (v.length() < 16) {
                out.add(key + ": an entry of " + v.length() + " characters; at least 16 are needed, so it cannot "
                        + "be guessed");
            }
        }
    }
}
