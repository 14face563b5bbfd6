/**
 * Retention: the engine's state survives restarts and {@code kill -9}, in embedded H2 by default or in
 * PostgreSQL when a JDBC URL says so. The store holds plain data (attribute maps keyed by
 * {@link org.vigil.engine.retention.ObjectKey}, and {@link org.vigil.engine.retention.Entry} rows for
 * comments, downtimes and acknowledgements), so it knows nothing of the engine's runtime classes.
 *
 * <p>How the engine uses it:
 * <ol>
 *   <li>At start, after loading the config: {@link org.vigil.engine.retention.Retention#start} with the
 *       keys of every host, service and contact. {@code Started} gives the retained state of those objects
 *       (an object without a record starts PENDING) and the writer; records and entries of objects no
 *       longer in the config are deleted with the first write. {@code Failed} carries a message for the
 *       user; nothing on disk was changed, and the engine still has its config.</li>
 *   <li>While running, from the engine thread: {@code save}, {@code saveEntry}, {@code removeEntry} and
 *       {@code nextEntryId} on {@link org.vigil.engine.retention.WriteBehindRetention}; none of them waits
 *       for the database (but {@code nextEntryId}, about once per thousand ids, if the block reserved in the
 *       background is not there yet).</li>
 *   <li>On reload: {@code retainOnly} with the keys of the new config.</li>
 *   <li>On shutdown: {@code close}, which writes what is pending.</li>
 * </ol>
 * A background thread writes pending changes every interval (one second by default) in one transaction;
 * a {@code kill -9} loses at most the changes of the last interval and the write in progress. A caller that must
 * not act on a change before it is durable asks {@code durable(sequence)}, which writes at once: the engine's
 * {@link org.vigil.engine.NotificationJournal} sends a notification only once the change that caused it, and
 * the notification's own journal entry ({@link org.vigil.engine.retention.Entry.Kind#NOTIFICATION}), are
 * written together.
 */
package org.vigil.engine.retention;
