package org.vigil.web.pages;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.history.Availability;
import org.vigil.web.history.Percent;
import org.vigil.web.history.ReportPeriod;
import org.vigil.web.history.StateTime;
import org.vigil.web.history.Timeline;

/** The availability report page: its form, and the report of a host, a service or a group when one is chosen. */
public final class AvailabilityView extends PageView {

    private final AvailabilityQuery query;
    private final List<Availability> hosts;
    private final List<Availability> services;
    private final List<String> hostNames;
    private final List<String> hostgroups;
    private final List<String> servicegroups;

    AvailabilityView(PageContext ctx, AvailabilityQuery query, List<Availability> hosts,
                     List<Availability> services, StatusSnapshot s) {
        super("availability.ftlh", ctx, "Availability", "availability");
        this.query = query;
        this.hosts = List.copyOf(hosts);
        this.services = List.copyOf(services);
        this.hostNames = s.hosts().stream().map(h -> h.name()).toList();
        this.hostgroups = s.hostGroups().stream().map(g -> g.name()).toList();
        this.servicegroups = s.serviceGroups().stream().map(g -> g.name()).toList();
    }

    public AvailabilityQuery getQuery() {
        return query;
    }

    public List<String> getPeriods() {
        return ReportPeriod.NAMES;
    }

    /** The report's one subject (a host or service report), null for a group or no report. */
    public Availability getSubject() {
        return switch (query.kind()) {
            case "host" -> hosts.isEmpty() ? null : hosts.get(0);
            case "service" -> services.isEmpty() ? null : services.get(0);
            default -> null;
        };
    }

    public Timeline getTimeline() {
        Availability a = getSubject();
        return a == null ? null : Timeline.of(a);
    }

    public List<Availability> getHosts() {
        return hosts;
    }

    public List<Availability> getServices() {
        return services;
    }

    public List<String> getHostNames() {
        return hostNames;
    }

    public List<String> getHostgroups() {
        return hostgroups;
    }

    public List<String> getServicegroups() {
        return servicegroups;
    }

    /** A percentage as avail.cgi prints it. */
    public String pct(double p) {
        return Percent.format(p);
    }

    /** Seconds as avail.cgi prints them: {@code 0d 1h 2m 3s}. */
    public String dhms(long seconds) {
        return Percent.duration(seconds);
    }

    /** The average of {@code state}'s percentage over {@code rows} ({@code known}: of the known time), as avail.cgi. */
    public String average(List<Availability> rows, String state, boolean known) {
        return mean(rows, a -> known ? a.state(state).percentKnown() : a.state(state).percent());
    }

    public String averageUndetermined(List<Availability> rows) {
        return mean(rows, Availability::undeterminedPercent);
    }

    private static String mean(List<Availability> rows, ToDoubleFunction<Availability> f) {
        // avail.cgi's running average, step by step, so the last digit rounds as its does
        double avg = 0;
        int n = 0;
        for (Availability a : rows) {
            n++;
            avg = (avg * (n - 1.0) + f.applyAsDouble(a)) / n;
        }
        return Percent.format(avg);
    }

    /** The CSS class of a state line. */
    public String cls(StateTime t) {
        return Fmt.INSTANCE.stateClass(t.name());
    }
}
