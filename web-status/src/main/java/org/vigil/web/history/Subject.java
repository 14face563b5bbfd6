package org.vigil.web.history;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A host or service the report is about (avail.cgi's {@code avail_subject}): its history read from the log, then
 * the seconds it spent in each state over the report period, those in scheduled downtime apart, and the spans
 * that make its timeline.
 */
final class Subject {

    final String host;
    /** Null for a host. */
    final String service;
    final List<Entry> states = new ArrayList<>();
    final List<Entry> downtimes = new ArrayList<>();
    /** The state entry added last, as the log is read (avail.cgi's {@code as_list_tail}). */
    Entry tail;
    Archived lastKnown = Archived.NO_DATA;
    final Map<Archived, Long> time = new EnumMap<>(Archived.class);
    final Map<Archived, Long> scheduled = new EnumMap<>(Archived.class);
    long notRunning;
    long scheduledUndetermined;
    final List<Span> spans = new ArrayList<>();
    final List<Span> downtimeSpans = new ArrayList<>();

    Subject(String host, String service) {
        this.host = host;
        this.service = service;
    }

    boolean isHost() {
        return service == null;
    }

    /** Adds a state or program entry in time order, after entries of the same second (avail.cgi's order). */
    void addState(Archived type, long at) {
        Entry e = new Entry(type, at, null);
        int i = states.size();
        while (i > 0 && states.get(i - 1).time > at) {
            i--;
        }
        states.add(i, e);
        tail = e;
    }

    /** Adds a downtime start or end, before entries of the same second (avail.cgi's order for downtimes). */
    void addDowntime(Archived type, long at) {
        Entry e = new Entry(type, at, tail);
        int i = downtimes.size();
        while (i > 0 && downtimes.get(i - 1).time >= at) {
            i--;
        }
        downtimes.add(i, e);
    }

    void addTime(Archived state, long seconds) {
        if (state.isState()) {
            time.merge(state, seconds, Long::sum);
        }
    }

    void addScheduled(Archived state, long seconds) {
        if (state.isState()) {
            scheduled.merge(state, seconds, Long::sum);
        } else {
            scheduledUndetermined += seconds;
        }
    }
}
