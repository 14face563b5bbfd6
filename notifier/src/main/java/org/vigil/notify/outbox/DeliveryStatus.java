package org.vigil.notify.outbox;

/** Where a delivery is: waiting (first try or a retry), done, or given up on. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
