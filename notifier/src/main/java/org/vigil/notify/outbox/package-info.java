/**
 * The durable outbox: nothing lost, nothing sent twice.
 * <ul>
 *   <li>{@link org.vigil.notify.outbox.Outbox#enqueue} writes one row per channel in one transaction and
 *       makes it durable (H2: {@code WRITE_DELAY 0} and {@code CHECKPOINT SYNC}; PostgreSQL: its commit)
 *       before it returns. The row's key is the notification's event key plus the channel and is unique, so
 *       the same notification enqueued again (a replay after a restart) is stored once.</li>
 *   <li>One worker thread per channel delivers due rows oldest first. Rows of one contact about one host or
 *       service keep their order (a trigger is never overtaken by its resolve). A failure that may pass is
 *       retried after an exponential, capped backoff; a final one, or one still failing after
 *       {@code giveUpAfter}, is marked FAILED. Both are logged as {@code NOTIFICATION DELIVERY: ...} and
 *       listed with their last error by {@link org.vigil.notify.outbox.Outbox#undelivered}.</li>
 *   <li>A row is marked DELIVERED in the same store as soon as the channel returns (a commit without the
 *       fsync, to keep the next point's window short; it survives a kill -9). The one window for a second send
 *       is a crash between the receiver accepting and that commit: then the row is sent again with the same key
 *       (the mail's Message-ID, the webhook's {@code Idempotency-Key} and dedup key), which receivers that
 *       deduplicate use. Pending rows survive restarts; delivered rows are pruned after {@code keepDelivered}
 *       (7 days).</li>
 *   <li>What is enqueued was decided by the engine and recorded in its notification journal with the state
 *       change that caused it ({@link org.vigil.engine.NotificationJournal}); it is enqueued once that is
 *       durable, and enqueued again at the next start if a crash came before the journal learnt it was
 *       stored: the unique key makes that a no-op.</li>
 *   <li>Beside the deliveries, the ids of the email action links used ({@link
 *       org.vigil.notify.outbox.Outbox#useToken}): each link works once, across restarts, until it expires.</li>
 * </ul>
 * The approach of the engine's retention (plain JDBC, one writing connection, the dialect chosen by the
 * URL), with its own small store: the outbox lives in its own database file ({@code vigil-outbox.mv.db}).
 */
package org.vigil.notify.outbox;
