package org.vigil.engine.flap;

import java.time.Instant;
import org.vigil.engine.state.CheckTarget;

/** Where flap detection keeps the comment Nagios attaches to a flapping object (entry type 3). */
public interface FlapComments {

    /** Adds the flapping comment {@code text} to {@code target} at {@code at}; returns its id. */
    long add(CheckTarget target, String text, Instant at);

    /** Deletes comment {@code id}; nothing happens when it is already gone. */
    void delete(long id);
}
