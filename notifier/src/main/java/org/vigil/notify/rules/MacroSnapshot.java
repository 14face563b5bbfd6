package org.vigil.notify.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.vigil.checks.macro.MacroFormats;
import org.vigil.checks.output.PluginOutput;
import org.vigil.engine.state.CheckableStatus;

/**
 * The runtime macros of a host and a service as they stand when a notification is decided ({@code HOSTSTATE},
 * {@code SERVICEOUTPUT}, {@code SERVICEDURATION}...), copied on the engine thread so that commands run later, on
 * other threads, see what Nagios would have shown at that moment.
 */
final class MacroSnapshot {

    private MacroSnapshot() {
    }

    static Map<String, String> of(Subject s, Instant now) {
        Map<String, String> m = new HashMap<>();
        put(m, "HOST", s.host(), now);
        if (!s.isHost()) {
            put(m, "SERVICE", s.status(), now);
        }
        return m;
    }

    /**
     * The macros as Nagios would show them at the object's next result in the same state, where its last state is
     * its current state (the re-notification pass notifies between results, Nagios only at one).
     */
    static Map<String, String> atNextResult(Subject s, Instant now) {
        Map<String, String> m = of(s, now);
        String kind = s.isHost() ? "HOST" : "SERVICE";
        m.put("LAST" + kind + "STATE", m.get(kind + "STATE"));
        m.put("LAST" + kind + "STATEID", m.get(kind + "STATEID"));
        return m;
    }

    private static void put(Map<String, String> m, String kind, CheckableStatus<?> st, Instant now) {
        // as in Nagios, the state's name even before the first result (a host not yet checked is UP), never PENDING
        m.put(kind + "STATE", st.currentState().name());
        m.put(kind + "STATEID", Integer.toString(st.currentState().code()));
        m.put("LAST" + kind + "STATE", st.lastState().name());
        m.put("LAST" + kind + "STATEID", Integer.toString(st.lastState().code()));
        m.put(kind + "STATETYPE", st.stateType().name());
        m.put(kind + "ATTEMPT", Integer.toString(st.currentAttempt()));
        m.put("MAX" + kind + "ATTEMPTS", Integer.toString(st.maxAttempts()));
        m.put(kind + "OUTPUT", orEmpty(st.pluginOutput()));
        m.put("LONG" + kind + "OUTPUT", st.longPluginOutput() == null ? "" : PluginOutput.escape(st.longPluginOutput()));
        m.put(kind + "PERFDATA", orEmpty(st.perfData()));
        m.put("LAST" + kind + "CHECK", Long.toString(st.lastCheck().getEpochSecond()));
        m.put("LAST" + kind + "STATECHANGE", Long.toString(st.lastStateChange().getEpochSecond()));
        long since = st.lastStateChange().equals(Instant.EPOCH) ? 0
                : now.getEpochSecond() - st.lastStateChange().getEpochSecond();
        m.put(kind + "DURATION", MacroFormats.duration(since));
        m.put(kind + "DURATIONSEC", Long.toString(since));
        m.put(kind + "CHECKTYPE", st.checkType().name());
        m.put(kind + "EVENTID", Long.toString(st.currentEventId()));
        m.put("LAST" + kind + "EVENTID", Long.toString(st.lastEventId()));
        m.put(kind + "PROBLEMID", Long.toString(st.currentProblemId()));
        m.put("LAST" + kind + "PROBLEMID", Long.toString(st.lastProblemId()));
        m.put(kind + "DOWNTIME", Integer.toString(st.scheduledDowntimeDepth()));
        m.put(kind + "NOTIFICATIONNUMBER", Integer.toString(st.currentNotificationNumber()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
