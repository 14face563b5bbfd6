package org.vigil.engine;

import java.util.Optional;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.sweep.Sweeps;

/** What a sweep needs of the engine: targets, statuses, and starting a check now through the normal path. */
final class SweepChecks implements Sweeps.Checks {

    private final EngineParts parts;
    private final CheckRuns runs;
    private final CheckPool pool;

    SweepChecks(EngineParts parts, CheckRuns runs, CheckPool pool) {
        this.parts = parts;
        this.runs = runs;
        this.pool = pool;
    }

    @Override
    public ObjectModel model() {
        return parts.model();
    }

    @Override
    public Optional<CheckTarget> hostTarget(String host) {
        return parts.objects().hostTarget(host);
    }

    @Override
    public Optional<CheckTarget> serviceTarget(ServiceKey key) {
        return parts.objects().serviceTarget(key);
    }

    @Override
    public CheckableStatus<?> status(CheckTarget t) {
        return parts.objects().status(t);
    }

    @Override
    public boolean hasCheckCommand(CheckTarget host) {
        return parts.objects().host(host.hostName()).hasCheckCommand();
    }

    @Override
    public boolean runNow(CheckTarget t) {
        // as a forced check: whatever the dependencies and execute_*_checks; its result reschedules it as usual
        runs.start(t.id(), parts.clock().instant());
        return runs.running(t);
    }

    @Override
    public int concurrency() {
        return pool.concurrency();
    }

    @Override
    public boolean handedOver() {
        return runs.handedOver();
    }
}
