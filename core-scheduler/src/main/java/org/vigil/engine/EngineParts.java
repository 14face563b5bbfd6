package org.vigil.engine;

import java.time.Clock;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.state.Checkables;
import org.vigil.engine.stats.CheckStatistics;

/**
 * What every part of one engine shares: its objects and config, clock, log, listener, thread, and {@link Retained},
 * where each change to an object's status is reported, and the check statistics (status.dat's counts).
 */
record EngineParts(ObjectModel model, Checkables objects, Clock clock, NagiosLog log, EngineListener listener,
                   EngineThread thread, Retained retained, CheckStatistics stats) {
}
