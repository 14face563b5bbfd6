package org.vigil.perfdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.EngineListenerFactory;
import org.vigil.engine.log.NagiosLog;

/**
 * The metric writers {@code metric_writers:} in {@code vigil.yml} names, as an engine listener factory: every engine
 * (the first, and each reload's) gets a {@link SampleListener} for its config that feeds the same writers, so what
 * is queued survives a reload. Close it after the daemon: it sends what is queued if the receivers take it within
 * two seconds.
 */
public final class MetricWriters implements EngineListenerFactory, AutoCloseable {

    private final List<MetricWriter> writers = new ArrayList<>();
    /** The log of the config running now: the writers outlive each config. */
    private volatile Consumer<String> log = System.err::println;

    public MetricWriters(MetricsConfig config) {
        Consumer<String> toLog = line -> log.accept(line);
        if (config.graphite != null) {
            GraphiteConfig g = config.graphite;
            GraphiteFormat format = new GraphiteFormat(g);
            writers.add(new MetricWriter("graphite", g, 1000, format::append, new GraphiteTransport(g.host, g.port),
                    toLog));
        }
        if (config.influxdb != null) {
            InfluxdbConfig i = config.influxdb;
            InfluxFormat format = new InfluxFormat(i.sendThresholds, i.sendMetadata);
            writers.add(new MetricWriter("influxdb", i, i.batchSize, format::append, new InfluxTransport(i), toLog));
        }
        writers.forEach(MetricWriter::start);
    }

    @Override
    public Attachment create(LoadResult config, NagiosLog nagiosLog) {
        this.log = nagiosLog::log;
        return Attachment.of(new SampleListener(config.model(), List.copyOf(writers)));
    }

    /** The receivers written to, for the log ({@code Graphite at 127.0.0.1:2003}). */
    public List<String> receivers() {
        return writers.stream().map(MetricWriter::receiver).toList();
    }

    /** Each writer's figures now. */
    public List<WriterCounts> counts() {
        return writers.stream().map(MetricWriter::counts).toList();
    }

    /** The writers' figures in Prometheus's text format, for {@code /metrics}. */
    public void appendPrometheus(StringBuilder out) {
        List<WriterCounts> all = counts();
        if (all.isEmpty()) {
            return;
        }
        series(out, all, "queued", "gauge", "Check results waiting for the metric receiver.", WriterCounts::queued);
        series(out, all, "queue_capacity", "gauge", "The bound of each metric writer's queue.",
                WriterCounts::capacity);
        series(out, all, "dropped_total", "counter",
                "Check results dropped because the writer's queue was full (the oldest go first).",
                WriterCounts::dropped);
        series(out, all, "sent_total", "counter", "Check results the metric receiver took.", WriterCounts::sent);
        series(out, all, "rejected_total", "counter", "Check results the metric receiver refused as bad data.",
                WriterCounts::rejected);
        series(out, all, "send_failures_total", "counter", "Attempts that did not reach the metric receiver.",
                WriterCounts::failures);
        series(out, all, "connected", "gauge", "1 when the last attempt reached the metric receiver, else 0.",
                c -> c.connected() ? 1 : 0);
    }

    private static void series(StringBuilder out, List<WriterCounts> all, String suffix, String type, String help,
                               java.util.function.ToLongFunction<WriterCounts> value) {
        String name = "vigil_metric_writer_" + suffix;
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (WriterCounts c : all) {
            out.append(String.format(Locale.ROOT, "%s{writer=\"%s\"} %d\n", name, c.writer(),
                    value.applyAsLong(c)));
        }
    }

    @Override
    public void close() {
        writers.forEach(MetricWriter::close);
    }
}
