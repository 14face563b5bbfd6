package org.vigil.engine.retention;

/**
 * Durable storage of retained state. Implementations apply each batch atomically; every method may
 * throw {@link RetentionException}, whose {@link RetentionProblem} is fit to show a user.
 */
public interface RetentionStore extends AutoCloseable {

    /** Reads everything retained, as one consistent snapshot. */
    RetainedState load();

    /** Writes one batch in one transaction: all of it is durable when this returns, or none of it. */
    void apply(RetentionBatch batch);

    /**
     * Reserves {@code count} entry ids and returns the first; the reservation is durable before this
     * returns, so no id is ever reserved twice, even if the entries using it were never saved.
     */
    long reserveEntryIds(int count);

    @Override
    void close();
}
