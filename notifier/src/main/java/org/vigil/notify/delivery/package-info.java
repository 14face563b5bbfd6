/**
 * Delivery: what happens after the rules decided a notification. The rules build a
 * {@link org.vigil.notify.delivery.Notification} per contact and hand it to the
 * {@link org.vigil.notify.outbox.Outbox} with the names of the contact's channels; a
 * {@link org.vigil.notify.delivery.Channel} ({@code email}, a webhook such as {@code pager}) renders it with
 * Freemarker {@link org.vigil.notify.delivery.Templates} and sends it. Channels know nothing of the engine.
 */
package org.vigil.notify.delivery;
