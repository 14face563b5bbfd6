package org.vigil.web.history;

import java.util.List;
import java.util.function.Function;

/**
 * Walks each subject's history over the report period {@code [t1, t2]} as avail.cgi's
 * {@code compute_subject_availability} and {@code compute_subject_downtime} do, with their quirks (a period is
 * charged to the state before the entry that ends it, a program stop to the last known state when states are
 * assumed while not running, a downtime chunk ends at the next downtime entry), so the seconds match avail.cgi's.
 */
final class AvailabilityWalk {

    private final long t1;
    private final long t2;
    private final long now;
    private final Assumptions assume;
    private final Function<Subject, Archived> currentState;

    /**
     * @param currentState the subject's state now (as status.dat has it for avail.cgi), or NO_DATA; used only for
     *                     a subject the log says nothing about while {@code now} lies in the period
     */
    AvailabilityWalk(long t1, long t2, long now, Assumptions assume, Function<Subject, Archived> currentState) {
        this.t1 = t1;
        this.t2 = t2;
        this.now = now;
        this.assume = assume;
        this.currentState = currentState;
    }

    void compute(Subject s) {
        states(s);
        downtime(s);
    }

    private void states(Subject s) {
        if (t1 > now) {
            return;
        }
        if (s.states.isEmpty() && now > t1 && now <= t2) {
            Archived current = currentState.apply(s);
            if (current.isState()) {
                s.lastKnown = current;
                s.addState(current, t1); // avail.cgi's "Current State Assumed (Faked Log Entry)"
            }
        }
        if (s.states.stream().noneMatch(e -> e.type.isState())) {
            return;
        }
        List<Entry> list = s.states;
        Entry last = null;
        for (int i = 0; i < list.size(); i++) {
            Entry e = list.get(i);
            if ((e.time <= t1 || i == 0) && e.type.isState()) {
                s.lastKnown = e.type;
            }
            if (e.time <= t1) {
                last = e;
                continue;
            }
            if (last != null) {
                long a = last.time;
                long b = e.time;
                if (a > t2) {
                    break;
                }
                if (b > t1) {
                    b = Math.min(b, t2);
                    a = Math.max(a, t1);
                    times(last.type, e.type, a, b, s, e);
                    if (b >= t2) {
                        last = e;
                        break;
                    }
                }
            }
            last = e;
        }
        if (last != null && last.time < t2) {
            times(last.type, s.isHost() ? Archived.HOST_UP : Archived.SVC_OK, Math.max(last.time, t1),
                    Math.min(now, t2), s, last);
        }
    }

    /** avail.cgi's {@code compute_subject_availability_times}, without a report timeperiod (24x7). */
    private void times(Archived first, Archived next, long start, long end, Subject s, Entry as) {
        start = Math.max(start, t1);
        end = Math.min(end, t2);
        if (start > t2 || end < t1 || end < start) {
            return;
        }
        long d = end - start;
        if (first == Archived.NO_DATA || next == Archived.NO_DATA) {
            s.spans.add(new Span(start, end, Archived.NO_DATA, false));
            return;
        }
        if (first == Archived.PROGRAM_START && (next == Archived.PROGRAM_END || next == Archived.PROGRAM_START)
                && !assume.initialStates()) {
            s.spans.add(new Span(start, end, Archived.NO_DATA, false));
            return;
        }
        boolean stopped = first == Archived.PROGRAM_END;
        if (stopped) {
            if (!assume.statesDuringNotRunning()) {
                s.notRunning += d;
                s.spans.add(new Span(start, end, Archived.NO_DATA, true));
                return;
            }
            first = s.lastKnown;
        }
        Archived state;
        if (first == Archived.PROGRAM_START) {
            if (!assume.initialStates()) {
                as.processed = Archived.NO_DATA;
                return;
            }
            state = assume.stateRetention() ? s.lastKnown : s.isHost() ? Archived.HOST_UP : Archived.SVC_OK;
        } else {
            state = first;
            s.lastKnown = first;
        }
        as.processed = state;
        s.addTime(state, d);
        s.spans.add(new Span(start, end, state.isState() ? state : Archived.NO_DATA, stopped));
    }

    /** avail.cgi's {@code compute_subject_downtime}: each chunk from a downtime entry to the next one. */
    private void downtime(Subject s) {
        List<Entry> sd = s.downtimes;
        if (t1 > now || sd.isEmpty() || sd.get(0).time >= t2) {
            return;
        }
        int i = 0;
        Entry first = sd.get(0);
        if ((first.type == Archived.HOST_DOWNTIME_END || first.type == Archived.SVC_DOWNTIME_END) && first.time > t1) {
            chunk(t1, Math.min(first.time, t2), s, null);
            i = 1;
        }
        boolean hostDown = false;
        boolean serviceDown = false;
        for (; i < sd.size(); i++) {
            Entry e = sd.get(i);
            if (e.time >= t2) {
                break;
            }
            boolean start;
            switch (e.type) {
                case HOST_DOWNTIME_START -> { hostDown = true; start = true; }
                case HOST_DOWNTIME_END -> { hostDown = false; start = false; }
                case SVC_DOWNTIME_START -> { serviceDown = true; start = true; }
                case SVC_DOWNTIME_END -> { serviceDown = false; start = false; }
                default -> { continue; }
            }
            if (!(start || (!s.isHost() && (hostDown || serviceDown)))) {
                continue;
            }
            long from = e.time;
            long until = i + 1 == sd.size() ? now : sd.get(i + 1).time;
            if (until <= t1 || from >= t2 || from >= until) {
                continue;
            }
            chunk(Math.max(from, t1), Math.min(until, t2), s, e);
        }
    }

    /** avail.cgi's {@code compute_subject_downtime_times}: the states within one chunk of downtime. */
    private void chunk(long start, long end, Subject s, Entry sd) {
        if (start > end || start < t1 || end > t2) {
            return;
        }
        s.downtimeSpans.add(new Span(start, end, Archived.NO_DATA, false));
        List<Entry> list = s.states;
        int at = 0;
        if (sd != null && sd.before != null) {
            int m = indexOf(list, sd.before);
            at = m < 0 ? 0 : m + 1 < list.size() ? m + 1 : m;
        }
        Entry firstEntry = at < list.size() ? list.get(at) : null;
        Archived partState = firstEntry == null || !firstEntry.processed.isState() ? Archived.NO_DATA
                : firstEntry.processed;
        Entry last = null;
        Archived saved = null;
        long savedStamp = 0;
        int count = 0;
        for (int j = at; j < list.size(); j++) {
            Entry e = list.get(j);
            count++;
            if (last == null) {
                if (e.time > start) {
                    part(start, Math.min(e.time, end), partState, s);
                }
                last = e;
                saved = e.type;
                savedStamp = Math.max(e.time, start);
                continue;
            }
            last = e;
            if (saved != e.type) {
                if (saved == Archived.PROGRAM_START || saved == Archived.PROGRAM_END) {
                    saved = e.processed;
                }
                part(Math.max(savedStamp, start), e.time > end ? end : e.time, saved, s);
                saved = e.type;
                savedStamp = Math.max(e.time, start);
            }
        }
        if (count == 0) {
            part(start, end, partState, s);
        } else if (last.type == Archived.PROGRAM_START || last.type == Archived.PROGRAM_END) {
            if (last.type == Archived.PROGRAM_START && !assume.initialStates()) {
                return;
            }
            part(savedStamp, end, partState, s);
        } else {
            part(savedStamp, end, saved, s);
        }
    }

    private static void part(long start, long end, Archived state, Subject s) {
        if (start <= end) {
            s.addScheduled(state, end - start);
        }
    }

    private static int indexOf(List<Entry> list, Entry e) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == e) {
                return i;
            }
        }
        return -1;
    }
}
