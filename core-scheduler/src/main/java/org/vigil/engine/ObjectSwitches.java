package org.vigil.engine;

import java.time.Clock;
import org.vigil.engine.flap.FlapDetection;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.Checkables;

/**
 * The switches of one host or service that commands turn on and off ({@code ENABLE_SVC_CHECK},
 * {@code DISABLE_PASSIVE_HOST_CHECKS}, {@code START_OBSESSING_OVER_SVC}...): each change is applied to the
 * object's status and handed to retention. Engine thread only.
 */
public final class ObjectSwitches {

    private final Checkables objects;
    private final CheckSchedule schedule;
    private final FlapDetection flapping;
    private final FlapNotices notices;
    private final Retained retained;
    private final Clock clock;

    ObjectSwitches(Checkables objects, CheckSchedule schedule, FlapDetection flapping, FlapNotices notices,
                   Retained retained, Clock clock) {
        this.objects = objects;
        this.schedule = schedule;
        this.flapping = flapping;
        this.notices = notices;
        this.retained = retained;
        this.clock = clock;
    }

    /**
     * Turns active checks of {@code target} on (checked now, or at the next time its check period allows, as
     * Nagios does) or off (no further check is run). Unchanged objects stay as they are.
     */
    public void setActiveChecksEnabled(CheckTarget target, boolean enabled) {
        if (schedule.setActiveChecksEnabled(target, enabled)) {
            retained.statusChanged(target);
        }
    }

    /** Whether passive results are accepted for {@code target}. */
    public void setPassiveChecksEnabled(CheckTarget target, boolean enabled) {
        objects.status(target).setPassiveChecksEnabled(enabled);
        retained.statusChanged(target);
    }

    /** Whether notifications are sent for {@code target}. */
    public void setNotificationsEnabled(CheckTarget target, boolean enabled) {
        objects.status(target).setNotificationsEnabled(enabled);
        retained.statusChanged(target);
    }

    /** Whether {@code target}'s event handlers run ({@code event_handler_enabled}). */
    public void setEventHandlerEnabled(CheckTarget target, boolean enabled) {
        objects.status(target).setEventHandlerEnabled(enabled);
        retained.statusChanged(target);
    }

    /** {@code obsess} of {@code target} ({@code START_OBSESSING_OVER_SVC}...). */
    public void setObsess(CheckTarget target, boolean enabled) {
        objects.status(target).setObsess(enabled);
        retained.statusChanged(target);
    }

    /** {@code ENABLE_HOST_FLAP_DETECTION}, {@code DISABLE_SVC_FLAP_DETECTION}...: may start or end flapping. */
    public void setFlapDetectionEnabled(CheckTarget target, boolean enabled) {
        notices.flapped(flapping.setEnabled(target, objects.status(target), enabled, clock.instant()));
        retained.statusChanged(target);
    }
}
