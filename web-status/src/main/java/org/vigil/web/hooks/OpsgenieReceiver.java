package org.vigil.web.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Opsgenie's alert webhooks (its "Webhook Integration" and "alert action data" documentation): {@code action}
 * ({@code Acknowledge}, {@code UnAcknowledge}, {@code Close}...; the {@code ...Alert} forms are read alike),
 * {@code alert.alias} (the {@code alias} Vigil sent), {@code alert.alertId}, {@code alert.updatedAt} (nanoseconds
 * since the epoch in Opsgenie's samples), {@code alert.username}, {@code source}. Opsgenie signs nothing; its
 * integration adds custom headers, so a configured token comes in {@code X-Vigil-Token} (or as a bearer token).
 * Opsgenie's payload has no event id: the alert's id, the action and the alert's update time stand for one.
 */
final class OpsgenieReceiver implements Receiver {

    static final String TOKEN = "X-Vigil-Token";

    private final List<byte[]> tokens;

    OpsgenieReceiver(List<String> tokens) {
        this.tokens = tokens.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public String name() {
        return "opsgenie";
    }

    @Override
    public String title() {
        return "Opsgenie";
    }

    @Override
    public Refusal.Reason badCredentials() {
        return Refusal.Reason.BAD_TOKEN;
    }

    @Override
    public void authenticate(Function<String, String> header, byte[] body) throws Refusal {
        String given = header.apply(TOKEN);
        String bearer = header.apply("Authorization");
        if (given == null && bearer != null && bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = bearer.substring(7);
        }
        if (given == null || given.isBlank()) {
            throw new Refusal(Refusal.Reason.BAD_TOKEN, "no token: add the header " + TOKEN + " to the Opsgenie "
                    + "webhook integration");
        }
        byte[] g = given.strip().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] t : tokens) {
            ok |= MessageDigest.isEqual(t, g); // every token compared, in constant time each
        }
        if (!ok) {
            throw new Refusal(Refusal.Reason.BAD_TOKEN, "the token is none of receivers.opsgenie.tokens");
        }
    }

    @Override
    public PagerEvent read(byte[] body) throws Refusal {
        JsonNode root = Json.parse(body);
        String type = Json.text(root, "action", "action");
        JsonNode alert = Json.object(root, "alert");
        String alertId = Json.text(alert, "alertId", "alert.alertId");
        JsonNode updated = alert.path("updatedAt");
        if (!updated.isIntegralNumber() || updated.asLong() <= 0) {
            throw new Refusal(Refusal.Reason.MALFORMED, "alert.updatedAt is missing or not a number: the event's "
                    + "time is needed to refuse replays");
        }
        PagerEvent.Action action = switch (type) {
            case "Acknowledge", "AcknowledgeAlert" -> PagerEvent.Action.ACKNOWLEDGE;
            case "UnAcknowledge", "UnAcknowledgeAlert" -> PagerEvent.Action.UNACKNOWLEDGE;
            case "Close", "CloseAlert" -> PagerEvent.Action.RESOLVE;
            default -> PagerEvent.Action.IGNORE;
        };
        String key = action == PagerEvent.Action.IGNORE ? "" : Json.text(alert, "alias", "alert.alias");
        String id = alertId + "/" + type + "/" + updated.asLong();
        return new PagerEvent(id, epoch(updated.asLong()), action, type, key, user(root, alert));
    }

    /** Who acted: {@code alert.username}, else the action's {@code source.name}; Opsgenie itself if neither. */
    private static String user(JsonNode root, JsonNode alert) {
        String name = alert.path("username").asText("");
        if (name.isBlank()) {
            name = root.path("source").path("name").asText("");
        }
        return name.isBlank() ? "Opsgenie" : name;
    }

    /**
     * A time since the epoch in whichever unit its size says: Opsgenie's samples give {@code updatedAt} in
     * nanoseconds and {@code createdAt} in milliseconds.
     */
    static Instant epoch(long n) {
        if (n >= 100_000_000_000_000_000L) {
            return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
        }
        if (n >= 100_000_000_000_000L) {
            return Instant.ofEpochSecond(n / 1_000_000L, (n % 1_000_000L) * 1000);
        }
        if (n >= 100_000_000_000L) {
            return Instant.ofEpochMilli(n);
        }
        return Instant.ofEpochSecond(n);
    }
}
