package org.vigil.engine.flap;

import java.time.Instant;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.Engine;

/**
 * Flapping comments in the engine's comments ({@link Engine#comments}): non-persistent internal comments by
 * "(Nagios Process)", entry type 3.
 * Engine thread only.
 */
public final class EntryFlapComments implements FlapComments {

    /** Nagios's {@code FLAPPING_COMMENT}. */
    public static final String FLAPPING_COMMENT = "3";
    private final Engine engine;

    public EntryFlapComments(Engine engine) {
        this.engine = engine;
    }

    @Override
    public long add(CheckTarget target, String text, Instant at) {
        return engine.comments().add(target, Integer.parseInt(FLAPPING_COMMENT), "(Nagios Process)", text, false, at);
    }

    @Override
    public void delete(long id) {
        engine.comments().delete(id);
    }
}
