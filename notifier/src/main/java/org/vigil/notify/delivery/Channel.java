package org.vigil.notify.delivery;

/** A way to deliver a notification (email, a webhook). Called from the outbox's worker, never the engine thread. */
public interface Channel {

    /** The name contacts select it by and the outbox stores with each delivery ("email", "pager"). */
    String name();

    /**
     * Delivers {@code notification} once. {@code deliveryKey} is the same on every retry of this delivery
     * (receivers that deduplicate can use it: the email's Message-ID, a webhook's header).
     *
     * @throws DeliveryException when it was not delivered; {@link DeliveryException#retryable()} says
     *         whether trying again later may succeed
     */
    void deliver(Notification notification, String deliveryKey) throws DeliveryException;
}
