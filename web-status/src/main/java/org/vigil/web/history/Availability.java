package org.vigil.web.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The availability of one host or service over {@code [from, until]}: the time in each state (those in scheduled
 * downtime apart), the undetermined time (program not running, no data), and the spans of its timeline.
 */
public record Availability(Target target, long from, long until, List<StateTime> states, long notRunning,
                           long scheduledUndetermined, List<Span> spans, List<Span> downtimes) {

    public Availability {
        states = List.copyOf(states);
        spans = List.copyOf(spans);
        downtimes = List.copyOf(downtimes);
    }

    static Availability of(Subject s, long t1, long t2) {
        long period = t2 - t1;
        List<Archived> kinds = s.isHost()
                ? List.of(Archived.HOST_UP, Archived.HOST_DOWN, Archived.HOST_UNREACHABLE)
                : List.of(Archived.SVC_OK, Archived.SVC_WARNING, Archived.SVC_UNKNOWN, Archived.SVC_CRITICAL);
        long known = kinds.stream().mapToLong(k -> s.time.getOrDefault(k, 0L)).sum();
        List<StateTime> states = new ArrayList<>();
        for (Archived k : kinds) {
            states.add(new StateTime(k, s.scheduled.getOrDefault(k, 0L), s.time.getOrDefault(k, 0L), period, known));
        }
        return new Availability(new Target(s.host, s.service), t1, t2, states, s.notRunning,
                s.scheduledUndetermined, s.spans, s.downtimeSpans);
    }

    public String host() {
        return target.host();
    }

    /** Null for a host. */
    public String service() {
        return target.service();
    }

    /** The length of the report period, in seconds. */
    public long period() {
        return until - from;
    }

    /** The seconds in a known state. */
    public long known() {
        return states.stream().mapToLong(StateTime::total).sum();
    }

    public long undetermined() {
        return period() - known();
    }

    /** Undetermined for lack of data: all undetermined time the program was not known to be stopped. */
    public long noData() {
        return undetermined() - notRunning;
    }

    public double undeterminedPercent() {
        return Percent.of(undetermined(), period());
    }

    public double notRunningPercent() {
        return Percent.of(notRunning, period());
    }

    public double noDataPercent() {
        return Percent.of(noData(), period());
    }

    /** The line of {@code state} ({@code "OK"}, {@code "DOWN"}...). */
    public StateTime state(String name) {
        return states.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no state " + name));
    }
}
