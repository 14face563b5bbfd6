package org.vigil.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The main-log lines of state logic, in Nagios's exact formats (without the {@code [time] } prefix). */
public final class StateLog {

    private StateLog() {
    }

    static String serviceAlert(ServiceStatus s) {
        return "SERVICE ALERT: " + s.hostName() + ";" + s.description() + ";" + stateFields(s);
    }

    static String hostAlert(HostStatus h) {
        return "HOST ALERT: " + h.name() + ";" + stateFields(h);
    }

    /** Written before the result is taken in, so it shows the previous state and output, as 4.4 does. */
    static String passiveServiceCheck(ServiceStatus s) {
        return "PASSIVE SERVICE CHECK: " + s.hostName() + ";" + s.description() + ";" + s.currentState().code()
                + ";" + cString(s.pluginOutput());
    }

    static String passiveHostCheck(HostStatus h) {
        return "PASSIVE HOST CHECK: " + h.name() + ";" + h.currentState().code() + ";" + cString(h.pluginOutput());
    }

    /**
     * The {@code INITIAL HOST STATE} and {@code INITIAL SERVICE STATE} lines Nagios writes at start when
     * {@code log_initial_states} is set (none otherwise), hosts first.
     */
    public static List<String> initialStates(StateSettings settings, Collection<HostStatus> hosts,
                                             Collection<ServiceStatus> services) {
        return settings.logInitialStates() ? states("INITIAL", hosts, services) : List.of();
    }

    /** The {@code CURRENT HOST STATE} and {@code CURRENT SERVICE STATE} lines of a log rotation. */
    public static List<String> currentStates(Collection<HostStatus> hosts, Collection<ServiceStatus> services) {
        return states("CURRENT", hosts, services);
    }

    private static List<String> states(String kind, Collection<HostStatus> hosts,
                                       Collection<ServiceStatus> services) {
        List<String> lines = new ArrayList<>();
        for (HostStatus h : hosts) {
            lines.add(kind + " HOST STATE: " + h.name() + ";" + stateFields(h));
        }
        for (ServiceStatus s : services) {
            // Nagios prints this output without a NULL check, so a never-checked service shows "(null)"
            lines.add(kind + " SERVICE STATE: " + s.hostName() + ";" + s.description() + ";"
                    + s.currentState().name() + ";" + s.stateType() + ";" + s.currentAttempt() + ";"
                    + cString(s.pluginOutput()));
        }
        return lines;
    }

    private static String stateFields(CheckableStatus<?> c) {
        return c.currentState().name() + ";" + c.stateType() + ";" + c.currentAttempt() + ";"
                + (c.pluginOutput() == null ? "" : c.pluginOutput());
    }

    /** What glibc's printf writes for a string that may be NULL. */
    private static String cString(String s) {
        return s == null ? "(null)" : s;
    }
}
