package org.vigil.web.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.web.model.MetricSeries;

/**
 * One metric's graph over one span as inline SVG, drawn on the server so the page needs no script: the band from
 * each step's minimum to its maximum, the average as a line, the warning and critical thresholds as dashed lines
 * (PNP4Nagios's picture), the value axis from 0 (or the lowest value) to the highest value or threshold. Colours
 * come from CSS classes, so dark mode applies. At most {@link #COLUMNS} columns: finer rows are merged (average of
 * averages, lowest minimum, highest maximum).
 */
final class GraphSvg {

    static final int WIDTH = 600;
    static final int HEIGHT = 170;
    static final int COLUMNS = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 8;
    private static final int TOP = 8;
    private static final int BOTTOM = 20;

    private final ZoneId zone;

    GraphSvg(ZoneId zone) {
        this.zone = zone;
    }

    /** The SVG of {@code s} from {@code start} to {@code end} (seconds since the epoch). */
    String draw(MetricSeries s, long start, long end, String title) {
        List<double[]> cols = columns(s, start, end);
        MetricSeries.Thresholds th = s.thresholds();
        double lo = 0;
        double hi = 0;
        for (double[] c : cols) {
            lo = Math.min(lo, Double.isNaN(c[3]) ? lo : c[3]);
            hi = Math.max(hi, Double.isNaN(c[4]) ? hi : c[4]);
        }
        for (double v : lines(th)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        hi += (hi - lo) * 0.05;
        Scale y = new Scale(lo, hi);
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Escape.xml(title))
                .append("\"><title>").append(Escape.xml(title)).append("</title>");
        svg.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\"/>");
        axes(svg, y, s.unit(), start, end);
        svg.append("<path class=\"band\" d=\"").append(band(cols, y)).append("\"/>");
        svg.append("<path class=\"avg\" d=\"").append(line(cols, y)).append("\"/>");
        for (double v : th.warnLines()) {
            threshold(svg, "warn", v, y);
        }
        for (double v : th.critLines()) {
            threshold(svg, "crit", v, y);
        }
        return svg.append("</svg>").toString();
    }

    /** Each column: {x, t, avg, min, max}, NaN where nothing was recorded. */
    private static List<double[]> columns(MetricSeries s, long start, long end) {
        int n = Math.max(1, Math.min(COLUMNS, s.points().size()));
        double[][] acc = new double[n][];
        double span = Math.max(1, end - start);
        for (MetricSeries.Point p : s.points()) {
            if (p.t() <= start || p.t() > end || p.avg() == null) {
                continue;
            }
            // a point's time is the end of its step: the step (t - step, t] falls in the column of t - 1
            int i = (int) Math.min(n - 1, Math.floor((p.t() - 1 - start) / span * n));
            double min = p.min() == null ? p.avg() : p.min();
            double max = p.max() == null ? p.avg() : p.max();
            if (acc[i] == null) {
                acc[i] = new double[] {p.avg(), min, max, 1};
            } else {
                acc[i][0] += p.avg();
                acc[i][1] = Math.min(acc[i][1], min);
                acc[i][2] = Math.max(acc[i][2], max);
                acc[i][3]++;
            }
        }
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = LEFT + (i + 0.5) * (WIDTH - LEFT - RIGHT) / n;
            out.add(acc[i] == null ? new double[] {x, 0, Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {x, 0, acc[i][0] / acc[i][3], acc[i][1], acc[i][2]});
        }
        return out;
    }

    private static List<Double> lines(MetricSeries.Thresholds th) {
        List<Double> all = new ArrayList<>(th.warnLines());
        all.addAll(th.critLines());
        return all;
    }

    /** The average: one subpath per run of recorded columns; a lone column is a short dash, so it shows. */
    private static String line(List<double[]> cols, Scale y) {
        StringBuilder d = new StringBuilder(cols.size() * 14);
        int run = 0;
        for (double[] c : cols) {
            if (Double.isNaN(c[2])) {
                if (run == 1) {
                    d.append(" h2");
                }
                run = 0;
                continue;
            }
            d.append(run > 0 ? " L" : (d.length() == 0 ? "M" : " M")).append(num(c[0])).append(',')
                    .append(num(y.at(c[2])));
            run++;
        }
        if (run == 1) {
            d.append(" h2");
        }
        return d.toString();
    }

    /** The min-max band: one closed shape per run of recorded columns. */
    private static String band(List<double[]> cols, Scale y) {
        StringBuilder d = new StringBuilder(cols.size() * 28);
        List<double[]> run = new ArrayList<>();
        for (double[] c : cols) {
            if (Double.isNaN(c[2])) {
                shape(d, run, y);
                run.clear();
            } else {
                run.add(c);
            }
        }
        shape(d, run, y);
        return d.toString();
    }

    private static void shape(StringBuilder d, List<double[]> run, Scale y) {
        if (run.isEmpty()) {
            return;
        }
        for (int i = 0; i < run.size(); i++) {
            d.append(i == 0 ? (d.length() == 0 ? "M" : " M") : " L").append(num(run.get(i)[0])).append(',')
                    .append(num(y.at(run.get(i)[4])));
        }
        for (int i = run.size() - 1; i >= 0; i--) {
            d.append(" L").append(num(run.get(i)[0])).append(',').append(num(y.at(run.get(i)[3])));
        }
        d.append(" Z");
    }

    private static void threshold(StringBuilder svg, String kind, double v, Scale y) {
        String at = num(y.at(v));
        svg.append("<line class=\"").append(kind).append("\" x1=\"").append(LEFT).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y1=\"").append(at).append("\" y2=\"").append(at)
                .append("\"><title>").append(kind.equals("warn") ? "warning " : "critical ").append(Escape.number(v))
                .append("</title></line>");
    }

    private void axes(StringBuilder svg, Scale y, String unit, long start, long end) {
        for (int i = 0; i <= 2; i++) {
            double v = y.lo + (y.hi - y.lo) * i / 2;
            String at = num(y.at(v));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(at).append("\" y2=\"").append(at).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 4).append("\" y=\"").append(at)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Escape.number(v))
                    .append(Escape.xml(unit)).append("</text>");
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern(end - start > 2 * 86400 ? "yyyy-MM-dd" : "MM-dd HH:mm",
                Locale.ROOT).withZone(zone);
        svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 5).append("\">")
                .append(f.format(Instant.ofEpochSecond(start))).append("</text>");
        svg.append("<text class=\"axis\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 5)
                .append("\" text-anchor=\"end\">").append(f.format(Instant.ofEpochSecond(end))).append("</text>");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Values to pixels, top to bottom. */
    private record Scale(double lo, double hi) {
        double at(double v) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - lo) / (hi - lo));
        }
    }

    /** Text for SVG. */
    static final class Escape {
        private Escape() {
        }

        static String xml(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        /** A value as a label: up to 3 significant decimals, k/M/G for large ones. */
        static String number(double v) {
            double a = Math.abs(v);
            if (a >= 1e9) {
                return String.format(Locale.ROOT, "%.3gG", v / 1e9);
            }
            if (a >= 1e6) {
                return String.format(Locale.ROOT, "%.3gM", v / 1e6);
            }
            if (a >= 1e4) {
                return String.format(Locale.ROOT, "%.3gk", v / 1e3);
            }
            return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros()
                    .toPlainString();
        }
    }
}
