package org.vigil.web.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A subject's history drawn as one bar ({@value #WIDTH} units wide, as an SVG's viewBox): a coloured stretch per
 * span, program stops hatched, scheduled downtime as a band above, undetermined time left grey.
 */
public record Timeline(Instant from, Instant until, List<Bar> bars, List<Bar> downtimes) {

    /** The bar's width in SVG units. */
    public static final int WIDTH = 1000;

    /** One stretch: where it starts and how wide it is (SVG units, as text), its CSS class and what it was. */
    public record Bar(String x, String width, String cssClass, String state, Instant from, Instant until,
                      boolean notRunning) {
    }

    public Timeline {
        bars = List.copyOf(bars);
        downtimes = List.copyOf(downtimes);
    }

    public static Timeline of(Availability a) {
        List<Bar> bars = new ArrayList<>();
        for (Span s : a.spans()) {
            if (s.seconds() > 0) {
                String css = "tl-" + (s.state().isState() ? s.state().label().toLowerCase(Locale.ROOT) : "none")
                        + (s.notRunning() ? " tl-stopped" : "");
                bars.add(bar(a, s, css, s.state().isState() ? s.state().label() : "UNDETERMINED"));
            }
        }
        List<Bar> downtimes = new ArrayList<>();
        for (Span s : a.downtimes()) {
            if (s.seconds() > 0) {
                downtimes.add(bar(a, s, "tl-downtime", "SCHEDULED DOWNTIME"));
            }
        }
        return new Timeline(Instant.ofEpochSecond(a.from()), Instant.ofEpochSecond(a.until()), bars, downtimes);
    }

    private static Bar bar(Availability a, Span s, String css, String state) {
        double scale = a.period() <= 0 ? 0 : (double) WIDTH / a.period();
        return new Bar(units((s.from() - a.from()) * scale), units(s.seconds() * scale), css, state,
                Instant.ofEpochSecond(s.from()), Instant.ofEpochSecond(s.until()), s.notRunning());
    }

    private static String units(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
