package org.vigil.notify.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.downtime.Downtime;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;
import org.vigil.engine.state.StateType;

/**
 * The notifier's side of the engine: after each result it notifies as Nagios does where the result handler calls
 * {@code service_notification}/{@code host_notification}; events (acknowledgements, downtimes, flapping, custom)
 * come in through {@link #event}; a periodic {@link #renotify} pass re-notifies problems that are due even when no
 * result arrives. Every method runs on the engine thread.
 */
public final class NotifierListener implements EngineListener {

    private final Notifier notifier;
    private final Clock clock;
    private EngineSubjects subjects;
    private Engine engine;
    /** Objects in a hard problem state: the only ones a re-notification pass can concern. */
    private final Map<Subject, CheckTarget> problems = new LinkedHashMap<>();

    public NotifierListener(Notifier notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Connects the listener to the engine it listens to (built after the listener); before, results are ignored. */
    public void bind(Engine engine) {
        engine.call(() -> {
            subjects = new EngineSubjects(engine);
            this.engine = engine;
            for (CheckTarget t : engine.targets()) {
                track(t, subjects.of(t));
            }
            return null;
        });
    }

    @Override
    public void resultApplied(CheckTarget target, CheckableStatus<?> status, Effects effects) {
        if (subjects == null) {
            return;
        }
        Subject s = subjects.of(target);
        if (effects.notificationDue()) {
            notifier.normal(s, clock.instant());
        }
        if (effects.hostNotificationDue() && !target.isHost()) {
            notifier.normal(subjects.host(target.hostName()), clock.instant());
            engine.hostTarget(target.hostName()).ifPresent(engine::statusChanged);
        }
        if (effects.resetNotificationNumber()) {
            status.setCurrentNotificationNumber(0);
            s.clearNotifiedOn();
        }
        track(target, s);
    }

    /** Nagios's {@code acknowledge_*_problem}: an ACKNOWLEDGEMENT notification, only when the command asked. */
    @Override
    public void acknowledged(CheckTarget target, CheckableStatus<?> status, String author, String comment,
                             boolean notify) {
        if (notify) {
            event(target, Reason.ACKNOWLEDGEMENT, author, comment, NotificationOptions.NONE);
        }
    }

    @Override
    public void customNotification(CheckTarget target, CheckableStatus<?> status, int options, String author,
                                   String comment) {
        event(target, Reason.CUSTOM, author, comment, NotificationOptions.fromBits(options));
    }

    // handle_scheduled_downtime and check_for_expired_downtime pass the downtime's author and comment;
    // unschedule_downtime passes neither

    @Override
    public void downtimeStarted(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        event(target, Reason.DOWNTIMESTART, downtime.author(), downtime.comment(), NotificationOptions.NONE);
    }

    @Override
    public void downtimeEnded(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        event(target, Reason.DOWNTIMEEND, downtime.author(), downtime.comment(), NotificationOptions.NONE);
    }

    @Override
    public void downtimeCancelled(CheckTarget target, CheckableStatus<?> status, Downtime downtime) {
        event(target, Reason.DOWNTIMECANCELLED, null, null, NotificationOptions.NONE);
    }

    // set_*_flap and clear_*_flap notify without author or comment

    @Override
    public void flappingStarted(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
        event(target, Reason.FLAPPINGSTART, null, null, NotificationOptions.NONE);
    }

    @Override
    public void flappingStopped(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
        event(target, Reason.FLAPPINGSTOP, null, null, NotificationOptions.NONE);
    }

    @Override
    public void flappingDisabled(CheckTarget target, CheckableStatus<?> status, double percent, double threshold) {
        event(target, Reason.FLAPPINGDISABLED, null, null, NotificationOptions.NONE);
    }

    /**
     * An acknowledgement, downtime, flapping or custom notification about {@code target} (Nagios's
     * {@code service_notification(svc, type, author, data, options)}).
     */
    public Notifier.Outcome event(CheckTarget target, Reason reason, String author, String comment,
                                  NotificationOptions options) {
        if (subjects == null) {
            return Notifier.Outcome.suppressed(Suppression.NO_CONTACTS);
        }
        Notifier.Outcome outcome = notifier.notify(subjects.of(target), reason, author, comment, options,
                clock.instant());
        engine.statusChanged(target); // the number (custom, increment) or next notification time may have changed
        return outcome;
    }

    /** Re-notifies every hard problem whose next notification is due; Nagios does this only on a new result. */
    public void renotify() {
        for (Map.Entry<Subject, CheckTarget> e : new ArrayList<>(problems.entrySet())) {
            Subject s = e.getKey();
            track(e.getValue(), s);
            if (problems.containsKey(s) && notifier.renotificationDue(s, clock.instant())) {
                notifier.dueBetweenResults(s, clock.instant());
                engine.statusChanged(e.getValue()); // retained, so a restart does not notify again
            }
        }
    }

    private void track(CheckTarget t, Subject s) {
        CheckableStatus<?> st = s.status();
        if (!st.currentState().isOk() && st.stateType() == StateType.HARD && st.hasBeenChecked()) {
            problems.put(s, t);
        } else {
            problems.remove(s);
        }
    }
}
