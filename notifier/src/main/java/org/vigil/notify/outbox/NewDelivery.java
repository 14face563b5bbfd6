package org.vigil.notify.outbox;

/**
 * A row to insert.
 *
 * @param orderKey deliveries with the same order key on one channel go out in enqueue order (one contact, one
 *                 host or service: a pager must see the trigger before the resolve)
 */
record NewDelivery(String key, String channel, String orderKey, String notification) {
}
