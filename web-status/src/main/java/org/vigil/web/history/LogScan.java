package org.vigil.web.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.web.model.EventLog;
import org.vigil.web.model.LogEntry;

/**
 * Reads log lines into the history of the subjects asked for, as avail.cgi's
 * {@code scan_log_file_for_archived_state_data}: program starts ({@code " starting..."},
 * {@code " restarting..."}) and ends ({@code " shutting down..."}, {@code "Bailing out"}) go to every subject;
 * host and service alerts and initial or current states to their subject (soft ones skipped unless included);
 * downtime starts and ends to their subject, a host's also to each of its services.
 */
final class LogScan {

    private final Map<String, Subject> subjects = new LinkedHashMap<>();
    private final Map<String, List<Subject>> servicesOf = new HashMap<>();
    private final boolean includeSoft;
    private final java.util.Set<String> hosts = new java.util.HashSet<>();

    /** Up to how many hosts lines are tested by name before being parsed. */
    private static final int FEW_HOSTS = 8;

    LogScan(List<Subject> subjects, boolean includeSoft) {
        for (Subject s : subjects) {
            this.subjects.putIfAbsent(key(s.host, s.service), s);
            hosts.add(s.host);
            if (!s.isHost()) {
                servicesOf.computeIfAbsent(s.host, h -> new ArrayList<>()).add(s);
            }
        }
        this.includeSoft = includeSoft;
    }

    /** The subjects, in the order given (duplicates dropped). */
    List<Subject> subjects() {
        return List.copyOf(subjects.values());
    }

    void line(String line) {
        if (!mayConcern(line)) {
            return;
        }
        LogEntry e = EventLog.parseAny(line);
        if (e == null) {
            return;
        }
        long at = e.time().getEpochSecond();
        if (e.host() == null) {
            program(e.message(), at);
            return;
        }
        String[] f = e.message().split(";", -1);
        switch (e.type()) {
            case "HOST ALERT", "INITIAL HOST STATE", "CURRENT HOST STATE" -> state(f, 1, at, true);
            case "SERVICE ALERT", "INITIAL SERVICE STATE", "CURRENT SERVICE STATE" -> state(f, 2, at, false);
            case "HOST DOWNTIME ALERT" -> hostDowntime(f, at);
            case "SERVICE DOWNTIME ALERT" -> {
                Subject s = subjects.get(key(f[0], f[1]));
                if (s != null && f.length > 2) {
                    s.addDowntime(f[2].equals("STARTED") ? Archived.SVC_DOWNTIME_START : Archived.SVC_DOWNTIME_END, at);
                }
            }
            default -> { }
        }
    }

    /** A cheap test before parsing: with a few hosts asked for, a line naming none of them is no program line. */
    private boolean mayConcern(String line) {
        if (hosts.size() > FEW_HOSTS || line.contains("...") || line.contains("Bailing out")) {
            return true;
        }
        for (String h : hosts) {
            if (line.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private void program(String text, long at) {
        Archived what = null;
        String info = null;
        if (text.contains(" starting...")) {
            what = Archived.PROGRAM_START;
            info = "Program start";
        } else if (text.contains(" restarting...")) {
            what = Archived.PROGRAM_START;
            info = "Program restart";
        } else if (text.contains(" shutting down...")) {
            what = Archived.PROGRAM_END;
            info = "Normal program termination";
        } else if (text.contains("Bailing out")) {
            what = Archived.PROGRAM_END;
            info = "Abnormal program termination";
        }
        if (what != null) {
            for (Subject s : subjects.values()) {
                s.addState(what, at, info);
            }
        }
    }

    /** {@code host;[service;]STATE;TYPE;attempt;output}: {@code at} is where STATE is. */
    private void state(String[] f, int stateAt, long time, boolean host) {
        if (f.length <= stateAt + 1) {
            return;
        }
        Subject s = subjects.get(host ? key(f[0], null) : key(f[0], f[1]));
        if (s == null || (f[stateAt + 1].equals("SOFT") && !includeSoft)) {
            return;
        }
        Archived state = host ? Archived.hostState(f[stateAt]) : Archived.serviceState(f[stateAt]);
        String output = f.length > stateAt + 3 ? String.join(";", List.of(f).subList(stateAt + 3, f.length)) : "";
        s.addState(state, time, output);
    }

    private void hostDowntime(String[] f, long at) {
        if (f.length < 2) {
            return;
        }
        boolean started = f[1].equals("STARTED");
        Subject h = subjects.get(key(f[0], null));
        if (h != null) {
            h.addDowntime(started ? Archived.HOST_DOWNTIME_START : Archived.HOST_DOWNTIME_END, at);
        }
        for (Subject s : servicesOf.getOrDefault(f[0], List.of())) {
            s.addDowntime(started ? Archived.HOST_DOWNTIME_START : Archived.HOST_DOWNTIME_END, at);
        }
    }

    private static String key(String host, String service) {
        return service == null ? host : host + ";" + service;
    }
}
