package org.vigil.notify.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.StateType;

/**
 * The object-level rules of Nagios 4.4.6's {@code check_service_notification_viability} and
 * {@code check_host_notification_viability}, in the same order, answering the first rule that stops a notification.
 * The one side effect is Nagios's: a normal notification outside the notification period moves
 * {@code next_notification} to the period's next start. Engine thread only.
 */
final class Viability {

    /** Nagios's fallback when a period has no valid time: a year ahead. */
    private static final Duration NO_VALID_TIME = Duration.ofDays(365);

    private final BooleanSupplier globallyEnabled;
    private final Periods periods;
    private final NotificationBlockers blockers;
    private final double intervalLength;
    private final Instant programStart;

    Viability(BooleanSupplier globallyEnabled, Periods periods, NotificationBlockers blockers, double intervalLength,
              Instant programStart) {
        this.globallyEnabled = globallyEnabled;
        this.periods = periods;
        this.blockers = blockers;
        this.intervalLength = intervalLength;
        this.programStart = programStart;
    }

    Optional<Suppression> check(Subject s, Reason reason, NotificationOptions options, Instant now) {
        if (options.forced()) {
            return Optional.empty();
        }
        CheckableStatus<?> st = s.status();
        if (!globallyEnabled.getAsBoolean()) {
            return Optional.of(Suppression.DISABLED_GLOBALLY);
        }
        String period = s.settings().period();
        if (!periods.inside(period, now)) {
            if (reason == Reason.NORMAL) {
                st.setNextNotification(periods.nextInside(period, now).orElse(now.plus(NO_VALID_TIME)));
            }
            return Optional.of(Suppression.TIMEPERIOD);
        }
        if (!st.notificationsEnabled()) {
            return Optional.of(Suppression.DISABLED_OBJECT);
        }
        Optional<Suppression> special = special(s, reason);
        if (special != null) {
            return special;
        }
        return s.isHost() ? normalHost(s, now) : normalService(s, now);
    }

    /** The event types' own short rules; null for a normal notification, which takes the long road. */
    private static Optional<Suppression> special(Subject s, Reason reason) {
        int ownDowntime = s.status().scheduledDowntimeDepth();
        int hostDowntime = s.isHost() ? 0 : s.host().scheduledDowntimeDepth();
        boolean anyDowntime = ownDowntime > 0 || hostDowntime > 0;
        if (reason == Reason.CUSTOM) {
            return anyDowntime ? Optional.of(Suppression.CUSTOM_IN_DOWNTIME) : Optional.empty();
        }
        if (reason == Reason.ACKNOWLEDGEMENT) {
            return s.isOk() ? Optional.of(Suppression.ACK_OF_OK_OBJECT) : Optional.empty();
        }
        if (reason.isFlapping()) {
            if (!s.settings().options().has('f')) {
                return Optional.of(Suppression.NO_FLAPPING_OPTION);
            }
            return anyDowntime ? Optional.of(Suppression.FLAPPING_IN_DOWNTIME) : Optional.empty();
        }
        if (reason.isDowntime()) {
            if (!s.settings().options().has('s')) {
                return Optional.of(Suppression.NO_DOWNTIME_OPTION);
            }
            // only the object's own downtime counts here, not its host's
            return ownDowntime > 0 ? Optional.of(Suppression.DOWNTIME_IN_DOWNTIME) : Optional.empty();
        }
        return null;
    }

    /** Problems and recoveries of a service. */
    private Optional<Suppression> normalService(Subject s, Instant now) {
        CheckableStatus<?> st = s.status();
        HostStatus host = s.host();
        Optional<Suppression> common = commonNormal(s, now,
                blockers.serviceBlocked(s.service()) || blockers.hostBlocked(s.hostName()));
        if (common != null) {
            return common;
        }
        if (s.isOk()) {
            // 4.4.6 sends a recovery through the rest too; of it only these can stop one (the re-notification
            // times were reset by the state change that brought the recovery)
            return serviceRecovery(s, st, host);
        }
        if (st.noMoreNotifications()) {
            return Optional.of(Suppression.NO_MORE_NOTIFICATIONS);
        }
        if (!host.currentState().isOk() && host.stateType() == StateType.HARD) {
            return Optional.of(Suppression.HOST_DOWN);
        }
        if (now.isBefore(st.nextNotification()) && !s.isVolatile()) {
            return Optional.of(Suppression.NOT_YET);
        }
        if (st.scheduledDowntimeDepth() > 0) {
            return Optional.of(Suppression.IN_DOWNTIME);
        }
        if (host.scheduledDowntimeDepth() > 0) {
            return Optional.of(Suppression.HOST_IN_DOWNTIME);
        }
        return flexibleDowntimePending(s);
    }

    /** Problems and recoveries of a host: downtime is tested before the re-notification times. */
    private Optional<Suppression> normalHost(Subject s, Instant now) {
        CheckableStatus<?> st = s.status();
        Optional<Suppression> common = commonNormal(s, now, blockers.hostBlocked(s.hostName()));
        if (common != null) {
            return common;
        }
        if (st.scheduledDowntimeDepth() > 0) {
            return Optional.of(Suppression.IN_DOWNTIME); // a recovery too, as in 4.4.6
        }
        if (s.isOk()) {
            return Optional.empty(); // the re-notification times were reset by the recovery's state change
        }
        if (st.noMoreNotifications()) {
            return Optional.of(Suppression.NO_MORE_NOTIFICATIONS);
        }
        if (now.isBefore(st.nextNotification())) {
            return Optional.of(Suppression.NOT_YET);
        }
        return Optional.empty();
    }

    /**
     * The rules hosts and services share, up to flapping: a suppression, or null for a problem or recovery that goes
     * on to the downtime and re-notification rules (4.4.6 dropped 3.x's "recoveries are good to go" here).
     */
    private Optional<Suppression> commonNormal(Subject s, Instant now, boolean dependencyBlocks) {
        CheckableStatus<?> st = s.status();
        if (st.stateType() == StateType.SOFT) {
            return Optional.of(Suppression.SOFT_STATE);
        }
        if (st.problemHasBeenAcknowledged()) {
            return Optional.of(Suppression.ACKNOWLEDGED);
        }
        if (dependencyBlocks) {
            return Optional.of(Suppression.DEPENDENCY);
        }
        if (!s.settings().options().has(s.stateLetter())) {
            return Optional.of(Suppression.STATE_DISABLED);
        }
        if (s.isOk() && s.notifiedOn().isEmpty()) {
            return Optional.of(Suppression.RECOVERY_OF_UNNOTIFIED_PROBLEM);
        }
        if (!s.isOk() && st.currentNotificationNumber() == 0) {
            // 4.4.6 counts from the last hard state change (older releases, and their comment, say last time OK)
            Instant hardChange = st.lastHardStateChange();
            Instant problemSince = hardChange.equals(Instant.EPOCH) ? programStart : hardChange;
            long delay = (long) (s.settings().firstDelay() * intervalLength);
            if (now.isBefore(problemSince.plusSeconds(delay))) {
                return Optional.of(Suppression.FIRST_NOTIFICATION_DELAY);
            }
        }
        if (st.isFlapping()) {
            return Optional.of(Suppression.FLAPPING);
        }
        return null;
    }

    /**
     * What stops a service recovery in 4.4.6: the service's or the host's downtime, a flexible one waiting to start,
     * the host hard down.
     */
    private Optional<Suppression> serviceRecovery(Subject s, CheckableStatus<?> st, HostStatus host) {
        if (st.scheduledDowntimeDepth() > 0) {
            return Optional.of(Suppression.IN_DOWNTIME);
        }
        if (host.scheduledDowntimeDepth() > 0) {
            return Optional.of(Suppression.HOST_IN_DOWNTIME);
        }
        Optional<Suppression> pending = flexibleDowntimePending(s);
        if (pending.isPresent()) {
            return pending;
        }
        if (!host.currentState().isOk() && host.stateType() == StateType.HARD) {
            return Optional.of(Suppression.HOST_DOWN);
        }
        return Optional.empty();
    }

    /** 4.4.6 holds a service's notifications while it or its host has a flexible downtime waiting to start. */
    private Optional<Suppression> flexibleDowntimePending(Subject s) {
        if (blockers.serviceFlexibleDowntimePending(s.service())) {
            return Optional.of(Suppression.FLEXIBLE_DOWNTIME_PENDING);
        }
        if (blockers.hostFlexibleDowntimePending(s.hostName())) {
            return Optional.of(Suppression.HOST_FLEXIBLE_DOWNTIME_PENDING);
        }
        return Optional.empty();
    }
}
