package org.vigil.web.history;

import org.vigil.web.model.EventLog;
import org.vigil.web.model.LogEntry;

/**
 * What one log line tells the history, as avail.cgi's {@code scan_log_file_for_archived_state_data} reads it: a
 * program start or end ({@code host} null), a host or service state ({@code soft} when a SOFT one; the state
 * {@link Archived#NO_DATA} for a name Nagios does not log), or a host or service downtime's start or end.
 */
record LogEvent(long time, Archived type, boolean soft, String host, String service) {

    /** The subject's key: the host's name, or {@code host;service}; null for a program entry. */
    String key() {
        return host == null ? null : service == null ? host : host + ";" + service;
    }

    /**
     * A cheap test before parsing: whether {@code line} may tell the history anything (every line {@link #parse}
     * turns into an event passes; most others, notifications and check results, do not).
     */
    static boolean mayMatter(String line) {
        return line.contains("ALERT") || line.contains("STATE") || line.contains("...")
                || line.contains("Bailing out");
    }

    /** The event {@code line} holds, or null when it holds none. */
    static LogEvent parse(String line) {
        LogEntry e = EventLog.parseAny(line);
        if (e == null) {
            return null;
        }
        long at = e.time().getEpochSecond();
        if (e.host() == null) {
            return program(e.message(), at);
        }
        String[] f = e.message().split(";", -1);
        return switch (e.type()) {
            case "HOST ALERT", "INITIAL HOST STATE", "CURRENT HOST STATE" -> state(f, 1, at, true);
            case "SERVICE ALERT", "INITIAL SERVICE STATE", "CURRENT SERVICE STATE" -> state(f, 2, at, false);
            case "HOST DOWNTIME ALERT" -> f.length < 2 ? null : new LogEvent(at,
                    f[1].equals("STARTED") ? Archived.HOST_DOWNTIME_START : Archived.HOST_DOWNTIME_END, false, f[0],
                    null);
            case "SERVICE DOWNTIME ALERT" -> f.length <= 2 ? null : new LogEvent(at,
                    f[2].equals("STARTED") ? Archived.SVC_DOWNTIME_START : Archived.SVC_DOWNTIME_END, false, f[0],
                    f[1]);
            default -> null;
        };
    }

    private static LogEvent program(String text, long at) {
        if (text.contains(" starting...") || text.contains(" restarting...")) {
            return new LogEvent(at, Archived.PROGRAM_START, false, null, null);
        }
        if (text.contains(" shutting down...") || text.contains("Bailing out")) {
            return new LogEvent(at, Archived.PROGRAM_END, false, null, null);
        }
        return null;
    }

    /** {@code host;[service;]STATE;TYPE;attempt;output}: {@code stateAt} is where STATE is. */
    private static LogEvent state(String[] f, int stateAt, long time, boolean host) {
        if (f.length <= stateAt + 1) {
            return null;
        }
        Archived state = host ? Archived.hostState(f[stateAt]) : Archived.serviceState(f[stateAt]);
        return new LogEvent(time, state, f[stateAt + 1].equals("SOFT"), f[0], host ? null : f[1]);
    }
}
