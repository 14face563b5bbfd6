package org.vigil.engine;

import org.vigil.engine.downtime.Downtime;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;

/**
 * Two listeners heard as one, {@code first} before {@code second}: the daemon takes one listener per engine, and
 * the notifier and the metric writers both hear each result without either knowing of the other.
 */
final class BothListeners implements EngineListener {

    private final EngineListener first;
    private final EngineListener second;

    BothListeners(EngineListener first, EngineListener second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void resultApplied(CheckTarget target, CheckableStatus<?> status, Effects effects) {
        first.resultApplied(target, status, effects);
        second.resultApplied(target, status, effects);
    }

    @Override
    public void flappingStarted(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
        first.flappingStarted(target, status, percent, threshold);
        second.flappingStarted(target, status, percent, threshold);
    }

    @Override
    public void flappingStopped(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
        first.flappingStopped(target, status, percent, threshold);
        second.flappingStopped(target, status, percent, threshold);
    }

    @Override
    public void flappingDisabled(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
        first.flappingDisabled(target, status, percent, threshold);
        second.flappingDisabled(target, status, percent, threshold);
    }

    @Override
    public void acknowledged(CheckTarget target, CheckableStatus<?> status, String author, String comment,
                             boolean notify) {
        first.acknowledged(target, status, author, comment, notify);
        second.acknowledged(target, status, author, comment, notify);
    }

    @Override
    public void customNotification(CheckTarget target, CheckableStatus<?> status, int options, String author,
                                   String comment) {
        first.customNotification(target, status, options, author, comment);
        second.customNotification(target, status, options, author, comment);
    }

    @Override
    public void downtimeStarted(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        first.downtimeStarted(target, status, downtime);
        second.downtimeStarted(target, status, downtime);
    }

    @Override
    public void downtimeEnded(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        first.downtimeEnded(target, status, downtime);
        second.downtimeEnded(target, status, downtime);
    }

    @Override
    public void downtimeCancelled(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        first.downtimeCancelled(target, status, downtime);
        second.downtimeCancelled(target, status, downtime);
    }
}
