package org.vigil.web.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PagerDuty's v3 webhooks, as its developer documentation describes them (Webhooks Overview; Verifying Signatures):
 * {@code X-PagerDuty-Signature} holds one or more comma-separated {@code v1=HEX}, each the HMAC-SHA256 of the raw
 * body under one of the subscription's secrets; the body is {@code {"event": {id, event_type, occurred_at, agent,
 * data}}}, where an incident's {@code data.incident_key} is the {@code dedup_key} Vigil sent with Events API v2.
 */
final class PagerDutyReceiver implements Receiver {

    static final String SIGNATURE = "X-PagerDuty-Signature";

    private final List<byte[]> secrets;

    PagerDutyReceiver(List<String> secrets) {
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public String title() {
        return "PagerDuty";
    }

    @Override
    public Refusal.Reason badCredentials() {
        return Refusal.Reason.BAD_SIGNATURE;
    }

    @Override
    public void authenticate(Function<String, String> header, byte[] body) throws Refusal {
        String given = header.apply(SIGNATURE);
        if (given == null || given.isBlank()) {
            throw new Refusal(Refusal.Reason.BAD_SIGNATURE, "no " + SIGNATURE + " header: PagerDuty v3 webhooks "
                    + "carry one");
        }
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, body);
            for (String part : given.split(",")) {
                String p = part.strip();
                if (p.startsWith("v1=") && matches(expected, p.substring(3))) {
                    return;
                }
            }
        }
        throw new Refusal(Refusal.Reason.BAD_SIGNATURE, SIGNATURE + " matches none of "
                + "receivers.pagerduty.signing_secrets (a v1 HMAC-SHA256 of the body is expected)");
    }

    /** Compares in constant time, as PagerDuty's documentation asks; a value that is not hex never matches. */
    private static boolean matches(byte[] expected, String hex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    @Override
    public PagerEvent read(byte[] body) throws Refusal {
        JsonNode event = Json.object(Json.parse(body), "event");
        String id = Json.text(event, "id", "event.id");
        String type = Json.text(event, "event_type", "event.event_type");
        Instant at = time(Json.text(event, "occurred_at", "event.occurred_at"));
        PagerEvent.Action action = switch (type) {
            case "incident.acknowledged" -> PagerEvent.Action.ACKNOWLEDGE;
            case "incident.unacknowledged" -> PagerEvent.Action.UNACKNOWLEDGE;
            case "incident.resolved" -> PagerEvent.Action.RESOLVE;
            default -> PagerEvent.Action.IGNORE;
        };
        String key = "";
        if (action != PagerEvent.Action.IGNORE) {
            key = Json.text(Json.object(event, "data"), "incident_key", "event.data.incident_key");
        }
        return new PagerEvent(id, at, action, type, key, agent(event.path("agent")));
    }

    /** The user who acted ({@code agent.summary}, a user's name); PagerDuty itself when no user did. */
    private static String agent(JsonNode agent) {
        String summary = agent.path("summary").asText("");
        if (!summary.isBlank()) {
            return summary;
        }
        String id = agent.path("id").asText("");
        return id.isBlank() ? "PagerDuty" : id;
    }

    private static Instant time(String text) throws Refusal {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Reason.MALFORMED, "event.occurred_at is '" + Json.shortened(text)
                    + "', not an ISO 8601 date and time");
        }
    }
}
