package org.vigil.notify.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One decided notification for one contact: what the rules hand to delivery. Plain data; the rules build
 * it, the outbox stores it, the channels render it.
 *
 * @param service the service description, or null for a host notification
 * @param state   the state as Nagios names it (OK, WARNING, CRITICAL, UNKNOWN, UP, DOWN, UNREACHABLE)
 * @param stateType HARD or SOFT
 * @param duration how long the object has been in its state ($SERVICEDURATION$)
 * @param ackAuthor the acknowledgement's author, or "" ($NOTIFICATIONAUTHOR$)
 * @param macros  any further macros (name without dollars → value) templates may use
 */
public record Notification(
        NotificationType type,
        Contact contact,
        String host,
        String service,
        String state,
        String stateType,
        String output,
        String longOutput,
        int attempt,
        Duration duration,
        int notificationNumber,
        String ackAuthor,
        String ackComment,
        Instant time,
        Map<String, String> macros) {

    public Notification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
        stateType = stateType == null ? "HARD" : stateType;
        output = output == null ? "" : output;
        longOutput = longOutput == null ? "" : longOutput;
        duration = duration == null ? Duration.ZERO : duration;
        ackAuthor = ackAuthor == null ? "" : ackAuthor;
        ackComment = ackComment == null ? "" : ackComment;
        macros = macros == null ? Map.of() : Map.copyOf(new TreeMap<>(macros));
    }

    /** Whether this is about a host (no service). */
    public boolean isHost() {
        return service == null;
    }

    /**
     * The same for every notification about one host or service, whoever receives it: a pager groups
     * trigger, acknowledge and resolve into one incident by it.
     */
    public String dedupKey() {
        return DedupKey.of(host, service);
    }

    /**
     * Identifies this event for this contact: enqueuing the same notification twice stores it once.
     * Built from what makes two notifications different events.
     */
    public String eventKey() {
        return sha256(String.join("\u0000", type.name(), contact.name(), host, service == null ? "" : service,
                state, Integer.toString(notificationNumber), Long.toString(time.toEpochMilli())));
    }

    /**
     * The same for every notification to one contact about one host or service: deliveries with the same
     * stream key go out in the order they were enqueued (a pager must see the trigger before the resolve).
     */
    public String streamKey() {
        return sha256(contact.name() + "\u0000" + dedupKey());
    }

    /** "host" or "host/service", for log lines. */
    public String subject() {
        return isHost() ? host : host + "/" + service;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
