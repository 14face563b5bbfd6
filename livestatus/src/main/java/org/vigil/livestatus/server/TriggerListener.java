package org.vigil.livestatus.server;

import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.EngineListener;
import org.vigil.engine.daemon.EngineListenerFactory;
import org.vigil.engine.downtime.Downtime;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;

/**
 * What the engine reports that a waiting Livestatus request may wait for: each result applied ({@code check}), a
 * state change ({@code state}), the log lines a result writes ({@code log}), downtimes starting, ending or cancelled
 * ({@code downtime}), acknowledgements (a {@code comment} and a {@code command}). Each engine a reload builds gets
 * one, so waits go on across a reload. Called on the engine thread: it only counts and wakes.
 */
public final class TriggerListener implements EngineListener {

    private final WaitTriggers triggers;

    public TriggerListener(WaitTriggers triggers) {
        this.triggers = triggers;
    }

    /** The factory the daemon takes, giving every engine a listener firing {@code triggers}. */
    public static EngineListenerFactory factory(WaitTriggers triggers) {
        return (config, log) -> EngineListenerFactory.Attachment.of(new TriggerListener(triggers));
    }

    @Override
    public void resultApplied(CheckTarget target, CheckableStatus<?> status, Effects effects) {
        triggers.fire(WaitTrigger.CHECK);
        if (effects.stateChange() || effects.hardStateChange()) {
            triggers.fire(WaitTrigger.STATE);
        }
        if (!effects.logLines().isEmpty()) {
            triggers.fire(WaitTrigger.LOG);
        }
    }

    @Override
    public void acknowledged(CheckTarget target, CheckableStatus<?> status, String author, String comment,
                             boolean notify) {
        triggers.fire(WaitTrigger.COMMENT);
        triggers.fire(WaitTrigger.COMMAND);
    }

    @Override
    public void downtimeStarted(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        triggers.fire(WaitTrigger.DOWNTIME);
    }

    @Override
    public void downtimeEnded(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        triggers.fire(WaitTrigger.DOWNTIME);
    }

    @Override
    public void downtimeCancelled(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        triggers.fire(WaitTrigger.DOWNTIME);
    }
}
