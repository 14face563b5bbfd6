package org.vigil.web.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives the log's events (read from a file's lines, or replayed from a {@link HistoryIndex}) to the subjects asked
 * for, as avail.cgi's {@code scan_log_file_for_archived_state_data}: program starts and ends go to every subject;
 * host and service states to their subject (soft ones skipped unless included); downtime starts and ends to their
 * subject, a host's also to each of its services.
 */
final class LogScan {

    private final Map<String, Subject> subjects = new LinkedHashMap<>();
    private final Map<String, List<Subject>> servicesOf = new HashMap<>();
    private final boolean includeSoft;
    private final Set<String> hosts = new HashSet<>();

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

    /** The keys whose events may concern the subjects: theirs and their hosts' (for host downtimes). */
    Set<String> keys() {
        Set<String> keys = new HashSet<>(subjects.keySet());
        keys.addAll(hosts);
        return keys;
    }

    void line(String line) {
        if (!mayConcern(line)) {
            return;
        }
        LogEvent e = LogEvent.parse(line);
        if (e != null) {
            apply(e.time(), e.type(), e.soft(), e.key(), e.host());
        }
    }

    /**
     * Gives one event to the subjects it concerns: {@code key} is its subject's ({@code host} or
     * {@code host;service}), null for a program entry.
     */
    void apply(long at, Archived type, boolean soft, String key, String host) {
        if (key == null) {
            for (Subject s : subjects.values()) {
                s.addState(type, at);
            }
            return;
        }
        switch (type) {
            case HOST_DOWNTIME_START, HOST_DOWNTIME_END -> {
                Subject h = subjects.get(key);
                if (h != null) {
                    h.addDowntime(type, at);
                }
                for (Subject s : servicesOf.getOrDefault(host, List.of())) {
                    s.addDowntime(type, at);
                }
            }
            case SVC_DOWNTIME_START, SVC_DOWNTIME_END -> {
                Subject s = subjects.get(key);
                if (s != null) {
                    s.addDowntime(type, at);
                }
            }
            default -> {
                Subject s = subjects.get(key);
                if (s != null && (!soft || includeSoft)) {
                    s.addState(type, at);
                }
            }
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

    private static String key(String host, String service) {
        return service == null ? host : host + ";" + service;
    }
}
