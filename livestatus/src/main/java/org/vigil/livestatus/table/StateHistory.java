package org.vigil.livestatus.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vigil.config.model.ServiceKey;

/**
 * Works out Livestatus's {@code statehist} periods from the log, as Naemon does: each host and service, from the
 * start of the time frame on, is in one period until its state, its downtime, its host's state or downtime, its
 * flapping or its notification period changes; each change closes the period and opens the next; at the end of the
 * time frame every open period closes. The time frame is the request's {@code time} filters' (Thruk's availability
 * report sends {@code Filter: time >= start} and {@code Filter: time < end}), else the whole log (its first entry to
 * {@code until}).
 */
final class StateHistory {

    /** One period of one object; {@code frame} is the length of the whole time frame. */
    record Period(long time, long lineno, long from, long until, Condition condition, String notificationPeriod,
                  String hostName, String serviceDescription, long frame) {

        long duration() {
            return until - from;
        }

        double part() {
            return frame <= 0 ? 0 : (double) duration() / frame;
        }
    }

    /** What a period is of: a change of any field but the output starts a new one. */
    record Condition(int state, boolean hostDown, boolean inDowntime, boolean inHostDowntime, boolean flapping,
                     boolean inNotificationPeriod, String output) {

        boolean sameAs(Condition o) {
            return state == o.state && hostDown == o.hostDown && inDowntime == o.inDowntime
                    && inHostDowntime == o.inHostDowntime && flapping == o.flapping
                    && inNotificationPeriod == o.inNotificationPeriod;
        }
    }

    /** The open period of one object. */
    private static final class Tracked {
        final String host;
        final String service;
        final String period;
        Condition now;
        long from;
        long lineno;

        Tracked(String host, String service, String period, Condition now) {
            this.host = host;
            this.service = service;
            this.period = period;
            this.now = now;
        }
    }

    /** How far into the time frame an object may first show and still count as monitored from its start. */
    private static final long UNMONITORED_GRACE = 600;

    private final Scope scope;
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    private final Map<String, List<Tracked>> servicesOf = new HashMap<>();
    private final Map<String, Boolean> periods = new HashMap<>();
    private final List<Period> out = new ArrayList<>();
    private long since;
    private long frame;

    private StateHistory(Scope scope) {
        this.scope = scope;
    }

    /** The periods of every object in {@code files}' entries before {@code until}, by object then time. */
    static List<Period> of(Scope scope, LogFiles files, long until) {
        return of(scope, files, until, org.vigil.livestatus.query.TimeRange.ALL);
    }

    /**
     * The same over the time frame the request's {@code time} filters give, as Naemon takes it from them: from
     * their lower bound (else the log's first entry) to their upper bound (else {@code until}). Entries before the
     * frame set each object's state at its start; periods are cut to the frame.
     */
    static List<Period> of(Scope scope, LogFiles files, long until,
                           org.vigil.livestatus.query.TimeRange range) {
        if (range.to() != Long.MAX_VALUE) {
            until = Math.min(until, range.to() + 1);
        }
        List<Path> paths = new ArrayList<>(files.newestFirst());
        Collections.reverse(paths);
        List<LogLine> all = new ArrayList<>();
        for (Path p : paths) {
            all.addAll(files.lines(p));
        }
        all.sort(Comparator.comparingLong(LogLine::time));
        StateHistory h = new StateHistory(scope);
        h.since = range.from() != Long.MIN_VALUE ? Math.min(range.from(), until)
                : all.isEmpty() ? until : all.get(0).time();
        h.frame = until - h.since;
        for (LogLine l : all) {
            if (l.time() >= until) {
                break;
            }
            h.apply(l);
        }
        for (Tracked t : h.tracked.values()) {
            h.close(t, until);
        }
        h.out.sort(Comparator.comparing(Period::hostName).thenComparing(Period::serviceDescription)
                .thenComparingLong(Period::from));
        return h.out;
    }

    private void apply(LogLine l) {
        String type = l.type();
        if (type.equals("TIMEPERIOD TRANSITION")) {
            transition(l);
            return;
        }
        boolean service = type.equals("SERVICE ALERT") || type.endsWith("SERVICE STATE")
                || type.equals("SERVICE DOWNTIME ALERT") || type.equals("SERVICE FLAPPING ALERT");
        boolean host = type.equals("HOST ALERT") || type.endsWith("HOST STATE") || type.equals("HOST DOWNTIME ALERT")
                || type.equals("HOST FLAPPING ALERT");
        if (!(host || service) || l.hostName().isEmpty()) {
            return;
        }
        Tracked t = track(l, service);
        if (type.endsWith("DOWNTIME ALERT")) {
            change(t, l, c -> with(c, c.state(), c.hostDown(), l.stateType().equals("STARTED"), c.inHostDowntime(),
                    c.flapping(), c.output()));
        } else if (type.endsWith("FLAPPING ALERT")) {
            change(t, l, c -> with(c, c.state(), c.hostDown(), c.inDowntime(), c.inHostDowntime(),
                    l.stateType().equals("STARTED"), c.output()));
        } else {
            change(t, l, c -> with(c, l.state(), c.hostDown(), c.inDowntime(), c.inHostDowntime(), c.flapping(),
                    l.pluginOutput()));
        }
        if (host) {
            Condition h = t.now;
            for (Tracked s : servicesOf.getOrDefault(t.host, List.of())) {
                change(s, l, c -> with(c, c.state(), h.state() != 0, c.inDowntime(), h.inDowntime(), c.flapping(),
                        c.output()));
            }
        }
    }

    private static Condition with(Condition c, int state, boolean hostDown, boolean inDowntime,
                                  boolean inHostDowntime, boolean flapping, String output) {
        return new Condition(state, hostDown, inDowntime, inHostDowntime, flapping, c.inNotificationPeriod(),
                output);
    }

    /**
     * The open period of {@code l}'s object; one first met opens at the start of the time frame, as Naemon's does,
     * in state 0, or unmonitored (-1) when it first shows more than ten minutes into the frame (Naemon's grace for
     * a start-up); the entry then changes it as any other.
     */
    private Tracked track(LogLine l, boolean service) {
        String key = service ? l.hostName() + ";" + l.serviceDescription() : l.hostName();
        Tracked t = tracked.get(key);
        if (t != null) {
            return t;
        }
        String period = period(l, service);
        Tracked host = service ? tracked.get(l.hostName()) : null;
        Condition first = new Condition(l.time() - since > UNMONITORED_GRACE ? -1 : 0,
                host != null && host.now.state() != 0, false, host != null && host.now.inDowntime(), false,
                periods.getOrDefault(period, true), "");
        t = new Tracked(l.hostName(), service ? l.serviceDescription() : "", period, first);
        t.from = since;
        t.lineno = l.lineno();
        if (service) {
            servicesOf.computeIfAbsent(l.hostName(), k -> new ArrayList<>()).add(t);
        }
        tracked.put(key, t);
        return t;
    }

    /** {@code TIMEPERIOD TRANSITION: name;from;to}: the objects notified in that period change with it. */
    private void transition(LogLine l) {
        String[] f = l.options().split(";", -1);
        if (f.length < 3) {
            return;
        }
        boolean in = f[2].strip().equals("1");
        periods.put(f[0], in);
        for (Tracked t : tracked.values()) {
            if (t.period.equals(f[0])) {
                change(t, l, c -> new Condition(c.state(), c.hostDown(), c.inDowntime(), c.inHostDowntime(),
                        c.flapping(), in, c.output()));
            }
        }
    }

    /**
     * Applies {@code how} to {@code t}; a change closes its period at {@code l}'s time and opens the next (a period
     * may last 0 seconds, as in Naemon: a change in the second its object was first seen).
     */
    private void change(Tracked t, LogLine l, UnaryOperator<Condition> how) {
        Condition next = how.apply(t.now);
        if (!next.sameAs(t.now)) {
            close(t, l.time());
            t.from = l.time();
            t.lineno = l.lineno();
        }
        t.now = next;
    }

    /** Ends {@code t}'s period at {@code until}: kept as far as it lies in the time frame. */
    private void close(Tracked t, long until) {
        long from = t.from;
        if (until < since || (from < since && until == since)) {
            return; // before the frame: it only set the state the frame starts in
        }
        from = Math.max(from, since);
        out.add(new Period(from, t.lineno, from, until, t.now, t.period, t.host, t.service, frame));
    }

    private String period(LogLine l, boolean service) {
        String p;
        if (service) {
            var s = scope.objects().services().get(new ServiceKey(l.hostName(), l.serviceDescription()));
            p = s == null ? null : s.notification().period();
        } else {
            var h = scope.objects().hosts().get(l.hostName());
            p = h == null ? null : h.notification().period();
        }
        return p == null ? "" : p;
    }
}
