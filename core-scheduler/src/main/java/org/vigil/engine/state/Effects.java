package org.vigil.engine.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Nagios would do after one check result, for the engine to carry out in order: write the log
 * lines, consider a notification, run the event handler, check hosts now, reschedule the object.
 *
 * @param accepted false when the result was discarded (a passive result for an object, or an engine,
 *        that does not accept them); nothing else is set then and the status is unchanged
 * @param logLines main log lines, without the {@code [timestamp] } prefix, in the order Nagios writes them
 * @param stateChange the state differs from the previous result's (or a soft recovery ended)
 * @param hardStateChange the confirmed (hard) state changed; {@code last_hard_state_change} was set
 * @param notificationDue Nagios calls {@code service_notification}/{@code host_notification} here: the
 *        notifier still applies its own rules (state type, notification options, periods, downtime...)
 * @param eventHandlerDue Nagios calls {@code handle_service_event}/{@code handle_host_event} here: the
 *        engine still applies {@code enable_event_handlers} and the object's {@code event_handler_enabled}
 * @param alert the state, type and attempt that the log line, the notification and the event handler's
 *        macros see; a soft recovery is reported as OK SOFT 2 even though the status ends OK HARD 1
 * @param nextCheck when to run the next active check, before the check period is applied; empty when
 *        Nagios would not reschedule (active checks disabled, no interval, a passive result)
 * @param hostChecks hosts to check now, already filtered by {@code cached_host_check_horizon} and
 *        their active checks being enabled (Nagios's dependency-check scheduling)
 * @param hostNotificationDue a service result asks Nagios to consider re-notifying about its host
 * @param resetNotificationNumber after the recovery notification has been considered, set
 *        {@code current_notification_number} back to 0, as Nagios does
 * @param settle what Nagios changes only after it has notified and run the event handler, which therefore still
 *        see the problem: a recovery's attempt (a hard recovery's {@code $SERVICEATTEMPT$} is the problem's last
 *        attempt), problem id and {@code last_hard_state_change}; the engine runs it after both
 * @param cachedHostState a service result took its host's state as it stood instead of checking the host (Nagios's
 *        {@code update_host_stats}: counted as an on-demand and a cached host check)
 */
public record Effects(boolean accepted, List<String> logLines, boolean stateChange, boolean hardStateChange,
                      boolean notificationDue, boolean eventHandlerDue, Alert alert, Optional<Instant> nextCheck,
                      List<String> hostChecks, boolean hostNotificationDue, boolean resetNotificationNumber,
                      Runnable settle, boolean cachedHostState) {

    /** The state as it stood when Nagios logged, notified and ran the handler. */
    public record Alert(NagiosState state, StateType stateType, int attempt) {
    }

    public Effects {
        logLines = List.copyOf(logLines);
        hostChecks = List.copyOf(hostChecks);
        settle = settle == null ? NOTHING : settle;
    }

    private static final Runnable NOTHING = () -> { };

    /** The effects of a discarded result: none. */
    public static Effects discarded() {
        return new Effects(false, List.of(), false, false, false, false, null, Optional.empty(), List.of(), false,
                false, NOTHING, false);
    }
}
