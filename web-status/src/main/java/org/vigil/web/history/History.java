package org.vigil.web.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Works out the availability and timelines of hosts and services over a period from the Nagios log. */
public final class History {

    private History() {
    }

    /**
     * The availability of each of {@code targets} over {@code [t1, t2]} (clipped to {@code now}, as avail.cgi clips
     * to the current time), in the order given, reading the log's files.
     *
     * @param current each target's state now, used only for a target the log says nothing about
     */
    public static List<Availability> of(HistoryFiles files, List<Target> targets, long t1, long t2, long now,
                                        Assumptions assume, Function<Target, Archived> current) {
        return of(scan -> files.read(t1, t2, scan::line), targets, t1, t2, now, assume, current);
    }

    /** The same as {@link #of(HistoryFiles, List, long, long, long, Assumptions, Function)}, from an index. */
    public static List<Availability> of(HistoryIndex index, List<Target> targets, long t1, long t2, long now,
                                        Assumptions assume, Function<Target, Archived> current) {
        return of(scan -> index.replay(t1, t2, now, scan), targets, t1, t2, now, assume, current);
    }

    private static List<Availability> of(Consumer<LogScan> log, List<Target> targets, long t1, long t2, long now,
                                         Assumptions assume, Function<Target, Archived> current) {
        List<Subject> subjects = new ArrayList<>();
        for (Target t : targets) {
            subjects.add(new Subject(t.host(), t.service()));
        }
        LogScan scan = new LogScan(subjects, assume.includeSoftStates());
        log.accept(scan);
        AvailabilityWalk walk = new AvailabilityWalk(t1, t2, now, assume,
                s -> current.apply(new Target(s.host, s.service)));
        List<Availability> out = new ArrayList<>();
        for (Subject s : scan.subjects()) {
            walk.compute(s);
            out.add(Availability.of(s, t1, t2));
        }
        return out;
    }
}
