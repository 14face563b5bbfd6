package org.vigil.notify.outbox;

import java.time.Instant;
import org.vigil.notify.delivery.Notification;

/**
 * One notification on one channel, as stored: what the status page lists.
 *
 * @param key          the idempotency key (the notification's event key and the channel)
 * @param nextAttempt  when a pending delivery is tried next
 * @param lastError    why the last attempt failed, or "" if none did
 * @param finishedAt   when it was delivered or given up on, or null while pending
 */
public record Delivery(long id, String key, String channel, Notification notification, DeliveryStatus status,
                       int attempts, Instant enqueuedAt, Instant nextAttempt, String lastError, Instant finishedAt) {
}
