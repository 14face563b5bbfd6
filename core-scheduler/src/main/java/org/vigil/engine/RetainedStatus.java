package org.vigil.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.vigil.engine.state.AcknowledgementType;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateType;

/**
 * A status as retained attributes, named as in Nagios's retention.dat, and back. Only runtime state is
 * kept: what the config says (intervals, max attempts) comes from the config at every start.
 */
final class RetainedStatus {

    private RetainedStatus() {
    }

    /** {@code last_time_ok} and the like, by state ordinal: built once, not for every record saved or restored. */
    private static final String[] SERVICE_LAST_TIME = lastTimeNames(ServiceState.values());
    private static final String[] HOST_LAST_TIME = lastTimeNames(HostState.values());

    private static String[] lastTimeNames(Enum<?>[] states) {
        String[] names = new String[states.length];
        for (Enum<?> st : states) {
            names[st.ordinal()] = ("last_time_" + st.name().toLowerCase(java.util.Locale.ROOT)).intern();
        }
        return names;
    }

    static Map<String, String> attributes(CheckableStatus<?> s) {
        Map<String, String> m = new HashMap<>(48);
        m.put("current_state", Integer.toString(s.currentState().code()));
        m.put("last_state", Integer.toString(s.lastState().code()));
        m.put("last_hard_state", Integer.toString(s.lastHardState().code()));
        m.put("state_type", Integer.toString(s.stateType().ordinal()));
        m.put("current_attempt", Integer.toString(s.currentAttempt()));
        m.put("has_been_checked", flag(s.hasBeenChecked()));
        m.put("check_type", Integer.toString(s.checkType().ordinal()));
        m.put("plugin_output", nullToEmpty(s.pluginOutput()));
        m.put("long_plugin_output", nullToEmpty(s.longPluginOutput()));
        m.put("performance_data", nullToEmpty(s.perfData()));
        m.put("last_check", time(s.lastCheck()));
        m.put("next_check", time(s.nextCheck()));
        m.put("last_state_change", time(s.lastStateChange()));
        m.put("last_hard_state_change", time(s.lastHardStateChange()));
        m.put("current_event_id", Long.toString(s.currentEventId()));
        m.put("last_event_id", Long.toString(s.lastEventId()));
        m.put("current_problem_id", Long.toString(s.currentProblemId()));
        m.put("last_problem_id", Long.toString(s.lastProblemId()));
        m.put("notifications_enabled", flag(s.notificationsEnabled()));
        m.put("active_checks_enabled", flag(s.activeChecksEnabled()));
        m.put("passive_checks_enabled", flag(s.passiveChecksEnabled()));
        m.put("event_handler_enabled", flag(s.eventHandlerEnabled()));
        if (s.obsessModified()) { // as Nagios restores it: only when a command changed it (MODATTR_OBSESSIVE_...)
            m.put("obsess", flag(s.obsess()));
        }
        m.put("acknowledgement_type", Integer.toString(s.acknowledgementType().ordinal()));
        m.put("problem_has_been_acknowledged", flag(s.problemHasBeenAcknowledged()));
        if (s.acknowledgementEndTime().getEpochSecond() > 0) { // as Naemon keeps it; absent (0) for most objects
            m.put("acknowledgement_end_time", time(s.acknowledgementEndTime()));
        }
        m.put("is_flapping", flag(s.isFlapping()));
        m.put("last_notification", time(s.lastNotification()));
        m.put("next_notification", time(s.nextNotification()));
        m.put("no_more_notifications", flag(s.noMoreNotifications()));
        m.put("current_notification_number", Integer.toString(s.currentNotificationNumber()));
        if (s.currentNotificationId() != 0) {
            m.put("current_notification_id", Long.toString(s.currentNotificationId()));
        }
        if (s instanceof ServiceStatus svc) {
            for (ServiceState st : ServiceState.values()) {
                m.put(SERVICE_LAST_TIME[st.ordinal()], time(svc.lastTimeIn(st)));
            }
        } else if (s instanceof HostStatus host) {
            for (HostState st : HostState.values()) {
                m.put(HOST_LAST_TIME[st.ordinal()], time(host.lastTimeIn(st)));
            }
        }
        return m;
    }

    /** Restores what {@link #attributes} kept; unknown or damaged values leave the config's defaults. */
    static void restoreService(ServiceStatus s, Map<String, String> m) {
        restoreCommon(s, m, code -> ServiceState.ofCode(code));
        for (ServiceState st : ServiceState.values()) {
            s.setLastTimeIn(st, instant(m, SERVICE_LAST_TIME[st.ordinal()], s.lastTimeIn(st)));
        }
    }

    static void restoreHost(HostStatus h, Map<String, String> m) {
        restoreCommon(h, m, code -> HostState.ofCode(code));
        for (HostState st : HostState.values()) {
            h.setLastTimeIn(st, instant(m, HOST_LAST_TIME[st.ordinal()], h.lastTimeIn(st)));
        }
    }

    private static <S extends Enum<S> & org.vigil.engine.state.NagiosState> void restoreCommon(
            CheckableStatus<S> s, Map<String, String> m, java.util.function.IntFunction<S> state) {
        s.setCurrentState(state(m, "current_state", s.currentState(), state));
        s.setLastState(state(m, "last_state", s.lastState(), state));
        s.setLastHardState(state(m, "last_hard_state", s.lastHardState(), state));
        s.setStateType(integer(m, "state_type", 1) == 0 ? StateType.SOFT : StateType.HARD);
        s.setCurrentAttempt(Math.min(s.maxAttempts(), Math.max(1, integer(m, "current_attempt", 1))));
        s.setHasBeenChecked(integer(m, "has_been_checked", 0) == 1);
        s.setCheckType(integer(m, "check_type", 0) == 1 ? CheckType.PASSIVE : CheckType.ACTIVE);
        s.setPluginOutput(emptyToNull(m.get("plugin_output")));
        s.setLongPluginOutput(emptyToNull(m.get("long_plugin_output")));
        s.setPerfData(emptyToNull(m.get("performance_data")));
        s.setLastCheck(instant(m, "last_check", s.lastCheck()));
        s.setNextCheck(instant(m, "next_check", s.nextCheck()));
        s.setLastStateChange(instant(m, "last_state_change", s.lastStateChange()));
        s.setLastHardStateChange(instant(m, "last_hard_state_change", s.lastHardStateChange()));
        s.setCurrentEventId(integer(m, "current_event_id", 0));
        s.setLastEventId(integer(m, "last_event_id", 0));
        s.setCurrentProblemId(integer(m, "current_problem_id", 0));
        s.setLastProblemId(integer(m, "last_problem_id", 0));
        // absent (an import of a switch Nagios would not take back): the config's value stands
        s.setNotificationsEnabled(
                integer(m, "notifications_enabled", s.notificationsEnabled() ? 1 : 0) == 1);
        s.setActiveChecksEnabled(integer(m, "active_checks_enabled", s.activeChecksEnabled() ? 1 : 0) == 1);
        s.setPassiveChecksEnabled(integer(m, "passive_checks_enabled", s.passiveChecksEnabled() ? 1 : 0) == 1);
        s.setEventHandlerEnabled(integer(m, "event_handler_enabled", s.eventHandlerEnabled() ? 1 : 0) == 1);
        if (m.containsKey("obsess")) {
            s.setObsess(integer(m, "obsess", s.obsess() ? 1 : 0) == 1);
        }
        int ack = integer(m, "acknowledgement_type", 0);
        s.setAcknowledgementType(AcknowledgementType.values()[Math.max(0, Math.min(ack,
                AcknowledgementType.values().length - 1))]);
        if (m.containsKey("problem_has_been_acknowledged")) {
            // kept apart from the type: after REMOVE_*_ACKNOWLEDGEMENT Nagios keeps the type, clears the flag
            s.setProblemHasBeenAcknowledged(s.problemHasBeenAcknowledged()
                    && integer(m, "problem_has_been_acknowledged", 1) == 1);
        }
        s.setAcknowledgementEndTime(s.problemHasBeenAcknowledged()
                ? instant(m, "acknowledgement_end_time", Instant.EPOCH) : Instant.EPOCH);
        s.setFlapping(integer(m, "is_flapping", 0) == 1);
        s.setLastNotification(instant(m, "last_notification", s.lastNotification()));
        s.setNextNotification(instant(m, "next_notification", s.nextNotification()));
        s.setNoMoreNotifications(integer(m, "no_more_notifications", 0) == 1);
        s.setCurrentNotificationNumber(integer(m, "current_notification_number", 0));
        s.setCurrentNotificationId(longValue(m, "current_notification_id"));
    }

    /** A retained state code, or {@code fallback} when it is damaged (out of range). */
    private static <S> S state(Map<String, String> m, String key, S fallback, java.util.function.IntFunction<S> byCode) {
        try {
            return byCode.apply(integer(m, key, -1));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int integer(Map<String, String> m, String key, int fallback) {
        try {
            String v = m.get(key);
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long longValue(Map<String, String> m, String key) {
        try {
            String v = m.get(key);
            return v == null ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(Map<String, String> m, String key, Instant fallback) {
        try {
            String v = m.get(key);
            return v == null ? fallback : Instant.ofEpochSecond(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String time(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
