package org.vigil.notify.rules;

import java.time.Clock;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.Engine;

/**
 * The notification dependencies ({@code engine.dependencies()}) and pending flexible downtimes
 * ({@code engine.downtimes()}) of a running engine, asked at the clock's now.
 */
public final class EngineBlockers implements NotificationBlockers {

    private final Engine engine;
    private final Clock clock;

    public EngineBlockers(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public boolean hostBlocked(String hostName) {
        return engine.hostTarget(hostName)
                .map(t -> engine.dependencies().notificationsBlocked(t, clock.instant())).orElse(false);
    }

    @Override
    public boolean serviceBlocked(ServiceKey key) {
        return engine.serviceTarget(key)
                .map(t -> engine.dependencies().notificationsBlocked(t, clock.instant())).orElse(false);
    }

    @Override
    public boolean hostFlexibleDowntimePending(String hostName) {
        return engine.hostTarget(hostName)
                .map(t -> engine.downtimes().flexiblePending(t, clock.instant())).orElse(false);
    }

    @Override
    public boolean serviceFlexibleDowntimePending(ServiceKey key) {
        return engine.serviceTarget(key)
                .map(t -> engine.downtimes().flexiblePending(t, clock.instant())).orElse(false);
    }
}
