package org.vigil.engine.downtime;

import java.time.Instant;
import org.vigil.engine.state.CheckTarget;

/**
 * The comments a downtime adds to its object when scheduled and removes when it ends or is cancelled: the one
 * thing downtimes need from the comment feature, so either side can change without the other.
 */
public interface DowntimeComments {

    /** Adds a downtime comment (entry_type 2, not persistent, source internal); returns its id. */
    long add(CheckTarget target, String author, String text, Instant at);

    /** Deletes comment {@code id}; an unknown id is ignored. */
    void delete(long id);
}
