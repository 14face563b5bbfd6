package org.vigil.engine;

import java.util.HashMap;
import java.util.Map;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/** Takes the runtime macro values of a host and a service, on the engine thread. */
final class RuntimeViews {

    private RuntimeViews() {
    }

    static RuntimeView of(HostStatus host, ServiceStatus service) {
        return new RuntimeView(values(host, "HOST"), service == null ? null : values(service, "SERVICE"));
    }

    private static Map<String, String> values(CheckableStatus<?> s, String prefix) {
        Map<String, String> m = new HashMap<>();
        m.put(prefix + "STATE", s.displayState());
        m.put(prefix + "STATEID", Integer.toString(s.currentState().code()));
        m.put(prefix + "STATETYPE", s.stateType().name());
        m.put(prefix + "ATTEMPT", Integer.toString(s.currentAttempt()));
        m.put("MAX" + prefix + "ATTEMPTS", Integer.toString(s.maxAttempts()));
        m.put(prefix + "OUTPUT", s.pluginOutput() == null ? "" : s.pluginOutput());
        m.put("LONG" + prefix + "OUTPUT", s.longPluginOutput() == null ? "" : s.longPluginOutput());
        m.put(prefix + "PERFDATA", s.perfData() == null ? "" : s.perfData());
        m.put("LAST" + prefix + "CHECK", Long.toString(s.lastCheck().getEpochSecond()));
        m.put("LAST" + prefix + "STATECHANGE", Long.toString(s.lastStateChange().getEpochSecond()));
        m.put(prefix + "LATENCY", String.format(java.util.Locale.ROOT, "%.3f", s.latency()));
        m.put(prefix + "EXECUTIONTIME", String.format(java.util.Locale.ROOT, "%.3f", s.executionTime()));
        return m;
    }
}
