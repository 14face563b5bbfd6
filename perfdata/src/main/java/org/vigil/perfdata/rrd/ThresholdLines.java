package org.vigil.perfdata.rrd;

import java.util.ArrayList;
import java.util.List;

/**
 * The values at which a graph draws a threshold's lines: each bound written in a Nagios range
 * ({@code 80}: 80; {@code 10:20} and {@code @10:20}: 10 and 20; {@code ~:5}: 5; {@code 5:}: 5), as PNP4Nagios draws
 * its warning and critical lines. A plain number {@code N} means {@code 0:N}, whose 0 is not drawn (it is the
 * axis, not a line anyone set).
 */
public final class ThresholdLines {

    private ThresholdLines() {
    }

    /** The lines of {@code range}; none when it is empty or not a range. */
    public static List<Double> of(String range) {
        if (range == null || range.isBlank()) {
            return List.of();
        }
        String r = range.strip();
        if (r.startsWith("@")) {
            r = r.substring(1);
        }
        int colon = r.indexOf(':');
        List<Double> out = new ArrayList<>(2);
        try {
            if (colon < 0) {
                out.add(Double.parseDouble(r));
                return out;
            }
            String start = r.substring(0, colon);
            String end = r.substring(colon + 1);
            if (!start.isEmpty() && !start.equals("~")) {
                out.add(Double.parseDouble(start));
            }
            if (!end.isEmpty()) {
                out.add(Double.parseDouble(end));
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return out.stream().filter(Double::isFinite).distinct().toList();
    }
}
