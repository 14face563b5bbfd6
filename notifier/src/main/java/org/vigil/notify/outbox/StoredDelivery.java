package org.vigil.notify.outbox;

/** An outbox row as read, the notification still as JSON text; times in epoch milliseconds (0: none). */
record StoredDelivery(long id, String key, String channel, String notification, DeliveryStatus status,
                      int attempts, long createdAt, long nextAttemptAt, String lastError, long finishedAt) {
}
