package org.vigil.model;

import java.time.Instant;
import java.util.List;
import org.vigil.engine.Engine;

/**
 * What the read model reads from the running monitor. Every call answers for the engine running now: a reload
 * replaces the engine, and the read model starts again from the new one.
 */
public interface StatusSource {

    /** The engine running now. */
    Engine engine();

    /** When the running engine started. */
    Instant started();

    /** The errors of the last reload if it was rejected (empty if none was, or a later one was accepted). */
    List<String> lastRejectedReloadErrors();
}
