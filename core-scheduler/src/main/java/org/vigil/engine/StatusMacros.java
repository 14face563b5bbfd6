package org.vigil.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.vigil.checks.macro.MacroFormats;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.checks.output.PluginOutput;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * Runtime macros read from the engine's statuses. Called from check threads while the engine thread
 * updates them: each value is read once, so a macro may show a value a moment old, never a torn one.
 */
final class StatusMacros implements RuntimeMacros {

    private final Map<String, HostStatus> hosts;
    private final Map<ServiceKey, ServiceStatus> services;
    private final Clock clock;

    StatusMacros(Map<String, HostStatus> hosts, Map<ServiceKey, ServiceStatus> services, Clock clock) {
        this.hosts = hosts;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public String host(String hostName, String macro) {
        HostStatus h = hosts.get(hostName);
        return h == null || !macro.contains("HOST") ? null : value(h, macro.replace("HOST", "#"));
    }

    @Override
    public String service(ServiceKey key, String macro) {
        ServiceStatus s = services.get(key);
        return s == null || !macro.contains("SERVICE") ? null : value(s, macro.replace("SERVICE", "#"));
    }

    /** One value by its macro name with HOST/SERVICE replaced by '#'. */
    private String value(CheckableStatus<?> s, String macro) {
        return switch (macro) {
            // Nagios names current_state, the initial state until a first result: never PENDING
            case "#STATE" -> s.currentState().name();
            case "#STATEID" -> Integer.toString(s.currentState().code());
            case "LAST#STATE" -> s.lastState().toString();
            case "LAST#STATEID" -> Integer.toString(s.lastState().code());
            case "#STATETYPE" -> s.stateType().name();
            case "#ATTEMPT" -> Integer.toString(s.currentAttempt());
            case "MAX#ATTEMPTS" -> Integer.toString(s.maxAttempts());
            case "#OUTPUT" -> s.pluginOutput();
            case "LONG#OUTPUT" -> s.longPluginOutput() == null ? null : PluginOutput.escape(s.longPluginOutput());
            case "#PERFDATA" -> s.perfData();
            case "LAST#CHECK" -> seconds(s.lastCheck());
            case "LAST#STATECHANGE" -> seconds(s.lastStateChange());
            case "#DURATION" -> MacroFormats.duration(since(s.lastStateChange()));
            case "#DURATIONSEC" -> Long.toString(since(s.lastStateChange()));
            case "#LATENCY" -> MacroFormats.seconds(s.latency());
            case "#EXECUTIONTIME" -> MacroFormats.seconds(s.executionTime());
            case "#CHECKTYPE" -> s.checkType().name();
            case "#EVENTID" -> Long.toString(s.currentEventId());
            case "LAST#EVENTID" -> Long.toString(s.lastEventId());
            case "#PROBLEMID" -> Long.toString(s.currentProblemId());
            case "LAST#PROBLEMID" -> Long.toString(s.lastProblemId());
            case "#DOWNTIME" -> Integer.toString(s.scheduledDowntimeDepth());
            case "#NOTIFICATIONNUMBER" -> Integer.toString(s.currentNotificationNumber());
            case "#ACKAUTHOR", "#ACKCOMMENT" -> "";
            default -> null;
        };
    }

    private static String seconds(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    private long since(Instant t) {
        return t.equals(Instant.EPOCH) ? 0 : clock.instant().getEpochSecond() - t.getEpochSecond();
    }
}
