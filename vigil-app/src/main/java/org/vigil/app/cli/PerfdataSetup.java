package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.config.main.MainConfig;
import org.vigil.perfdata.PerfdataStore;
import org.vigil.perfdata.PerfdataStoreConfig;
import org.vigil.perfdata.rrd.MetricMeta;
import org.vigil.perfdata.rrd.RrdStore;
import org.vigil.perfdata.rrd.Series;
import org.vigil.perfdata.rrd.ThresholdLines;
import org.vigil.web.model.MetricSeries;
import org.vigil.web.model.PerfdataSource;

/**
 * The round-robin store of perfdata for {@code vigil run} ({@code perfdata:} in vigil.yml, on by default), and the
 * store as the web layer reads it ({@link PerfdataSource}: the web module does not know rrd4j or the perfdata
 * module).
 */
final class PerfdataSetup {

    private PerfdataSetup() {
    }

    /**
     * The store {@code settings} asks for, started; empty when it is switched off or its directory cannot be used
     * (said on {@code err}: monitoring goes on without graphs).
     */
    static Optional<PerfdataStore> start(RunSettings settings, MainConfig main, PrintStream out, PrintStream err) {
        PerfdataStoreConfig c = settings == null || settings.perfdata == null ? new PerfdataStoreConfig()
                : settings.perfdata;
        if (!c.enabled) {
            return Optional.empty();
        }
        PerfdataStore store = new PerfdataStore(c.directory(main), c.limits(), out::println);
        try {
            store.start();
        } catch (IOException | RuntimeException e) {
            err.println("vigil run: perfdata cannot be recorded under " + store.directory() + " ("
                    + FileProblems.describe(e)
                    + "); monitoring goes on without graphs (perfdata.directory in vigil.yml names another place)");
            return Optional.empty();
        }
        out.println("[" + System.currentTimeMillis() / 1000 + "] Perfdata: each result's performance data is recorded"
                + " under " + store.directory() + " (at most " + c.maxMetrics + " metrics)");
        return Optional.of(store);
    }

    /** {@code store} as the graphs and the API read it. */
    static PerfdataSource source(PerfdataStore store) {
        return new PerfdataSource() {
            @Override
            public List<MetricSeries> series(String host, String service, long start, long end, long resolution) {
                List<MetricSeries> out = new ArrayList<>();
                for (Series s : store.series(host, service, start, end, resolution)) {
                    out.add(PerfdataSetup.series(s));
                }
                return out;
            }

            @Override
            public List<List<MetricSeries>> series(String host, String service, List<Span> spans) {
                List<RrdStore.Span> rrd = spans.stream()
                        .map(s -> new RrdStore.Span(s.start(), s.end(), s.resolution())).toList();
                List<List<MetricSeries>> out = new ArrayList<>();
                for (List<Series> metric : store.series(host, service, rrd)) {
                    out.add(metric.stream().map(PerfdataSetup::series).toList());
                }
                return out;
            }

            @Override
            public long version(String host, String service) {
                return store.version(host, service);
            }
        };
    }

    static MetricSeries series(Series s) {
        MetricMeta m = s.meta();
        List<MetricSeries.Point> points = new ArrayList<>(s.times().length);
        for (int i = 0; i < s.times().length; i++) {
            points.add(new MetricSeries.Point(s.times()[i], value(s.average()[i]), value(s.min()[i]),
                    value(s.max()[i])));
        }
        return new MetricSeries(m.key().label(), m.unit(), new MetricSeries.Thresholds(m.warn(), m.crit(),
                ThresholdLines.of(m.warn()), ThresholdLines.of(m.crit()), number(m.min()), number(m.max())),
                s.step(), points);
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Double number(String text) {
        try {
            return text.isEmpty() ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
