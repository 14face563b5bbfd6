package org.vigil.engine.comment;

import org.vigil.engine.retention.Entry;

/**
 * Where comments keep themselves: the engine's entries (in memory and in retention) and its entry ids. A
 * narrow interface so that {@link Comments} does not depend on the engine.
 */
public interface EntrySink {

    /** A new entry id, never handed out before. */
    long nextEntryId();

    /** Keeps {@code entry}, new or changed. */
    void saveEntry(Entry entry);

    /** Forgets entry {@code id}. */
    void removeEntry(long id);
}
