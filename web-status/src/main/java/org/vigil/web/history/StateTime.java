package org.vigil.web.history;

/**
 * One state's line of an availability report: seconds in the state outside and within scheduled downtime, and
 * their parts of the whole period ({@code percent}) and of the time whose state is known ({@code percentKnown}),
 * computed as avail.cgi computes them (the unscheduled percentage is the total's less the scheduled one).
 */
public record StateTime(Archived state, long scheduled, long total, long period, long known) {

    public String name() {
        return state.label();
    }

    public long unscheduled() {
        return total - scheduled;
    }

    public double percent() {
        return Percent.of(total, period);
    }

    public double percentKnown() {
        return Percent.of(total, known);
    }

    public double scheduledPercent() {
        return Percent.of(scheduled, period);
    }

    public double scheduledPercentKnown() {
        return Percent.of(scheduled, known);
    }

    public double unscheduledPercent() {
        return percent() - scheduledPercent();
    }

    public double unscheduledPercentKnown() {
        return percentKnown() - scheduledPercentKnown();
    }
}
