package org.vigil.engine;

import java.util.List;
import org.vigil.engine.flap.FlapEvent;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Checkables;

/** Logs flap events and tells the listener, as Nagios logs and notifies in {@code set/clear_*_flap}. */
final class FlapNotices {

    private final NagiosLog log;
    private final EngineListener listener;
    private final Checkables objects;

    FlapNotices(NagiosLog log, EngineListener listener, Checkables objects) {
        this.log = log;
        this.listener = listener;
        this.objects = objects;
    }

    void flapped(List<FlapEvent> events) {
        for (FlapEvent e : events) {
            log.log(e.logLine());
            CheckableStatus<?> st = objects.status(e.target());
            switch (e.kind()) {
                case STARTED -> {
                    if (e.notifies()) {
                        listener.flappingStarted(e.target(), st, e.percent(), e.threshold());
                    }
                }
                case STOPPED -> listener.flappingStopped(e.target(), st, e.percent(), e.threshold());
                case DISABLED -> listener.flappingDisabled(e.target(), st, e.percent(), e.threshold());
                default -> {
                }
            }
        }
    }
}
