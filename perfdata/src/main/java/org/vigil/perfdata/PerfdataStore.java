package org.vigil.perfdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vigil.checks.output.PerfData;
import org.vigil.checks.output.PerfValue;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.EngineListenerFactory;
import org.vigil.engine.log.NagiosLog;
import org.vigil.perfdata.rrd.MetricKey;
import org.vigil.perfdata.rrd.MetricMeta;
import org.vigil.perfdata.rrd.RrdLayout;
import org.vigil.perfdata.rrd.RrdStore;
import org.vigil.perfdata.rrd.Series;
import org.vigil.perfdata.rrd.StoreCounts;

/**
 * Every perfdata value of every accepted result recorded in a {@link RrdStore}, as an engine listener factory like
 * {@link MetricWriters}: on the engine thread a result is one {@link ResultSample} offered to a
 * {@link DropOldestQueue} (results without perfdata are not queued); the store's own thread parses and writes. So a
 * slow disk costs at most {@code queue_size} results of memory and drops the oldest (counted on {@code /metrics}),
 * never the engine's time. Reads ({@link #series}) may come from any thread.
 */
public final class PerfdataStore implements EngineListenerFactory, SampleSink, AutoCloseable {

    private static final long CLOSE_WAIT_MS = 5000;

    private final RrdStore store;
    private final DropOldestQueue<ResultSample> queue;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Consumer<String> log;
    private volatile boolean closing;
    private boolean saidFull;
    private boolean saidError;

    public PerfdataStore(Path directory, int maxMetrics, int queueSize, Consumer<String> log) {
        this.store = new RrdStore(directory, maxMetrics);
        this.queue = new DropOldestQueue<>(queueSize);
        this.log = log;
        this.thread = new Thread(this::run, "vigil-perfdata-store");
        thread.setDaemon(true);
    }

    /** Counts the metrics on disk and starts the store's thread; an unusable directory is an IOException. */
    public PerfdataStore start() throws IOException {
        store.open();
        thread.start();
        return this;
    }

    public Path directory() {
        return store.root();
    }

    @Override
    public Attachment create(LoadResult config, NagiosLog nagiosLog) {
        this.log = nagiosLog::log;
        return Attachment.of(new SampleListener(config.model(), List.of(this)));
    }

    /** Queues {@code sample} if it has perfdata; never waits (the engine thread calls it). */
    @Override
    public void offer(ResultSample sample) {
        if (sample.perfData() != null && !sample.perfData().isBlank()) {
            queue.offer(sample);
        }
    }

    private void run() {
        while (!(closing && queue.size() == 0)) {
            List<ResultSample> batch;
            try {
                batch = queue.take(512, 200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            for (ResultSample s : batch) {
                record(s);
            }
        }
    }

    /** Writes each value of {@code s}; the store's thread only. */
    void record(ResultSample s) {
        for (PerfValue v : PerfData.parse(s.perfData()).values()) {
            MetricMeta meta = new MetricMeta(new MetricKey(s.host(), s.service(), v.label()), v.unit(), v.warn(),
                    v.crit(), text(v.min()), text(v.max()));
            try {
                switch (store.write(meta, s.time(), v.value())) {
                    case WRITTEN -> written.incrementAndGet();
                    case SKIPPED -> skipped.incrementAndGet();
                    case REFUSED -> full();
                }
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                if (!saidError) {
                    saidError = true;
                    log.accept("Warning: Perfdata: cannot write " + describe(meta.key()) + " under "
                            + store.root() + " (" + (e.getMessage() == null ? e : e.getMessage())
                            + "); values that cannot be written are counted on /metrics, this is said once");
                }
            }
        }
    }

    private void full() {
        refused.incrementAndGet();
        if (!saidFull) {
            saidFull = true;
            log.accept("Warning: Perfdata: the store holds " + store.metricCount() + " metrics, its bound"
                    + " (perfdata.max_metrics in vigil.yml, " + RrdLayout.fileSize() / 1024
                    + " KiB each): values of new metrics are not recorded; raise the bound or remove the files of"
                    + " metrics no longer needed under " + store.root());
        }
    }

    /** The metrics of {@code host}'s check ({@code service} null) or of its service, from {@code start} to {@code end}. */
    public List<Series> series(String host, String service, long start, long end, long resolution) {
        List<Series> out = new ArrayList<>();
        for (MetricMeta m : store.metrics(host, service)) {
            try {
                store.series(m, start, end, resolution).ifPresent(out::add);
            } catch (IOException | RuntimeException e) {
                // a file removed or damaged meanwhile: that metric is left out of this answer
            }
        }
        return out;
    }

    /** The store's figures now. */
    public StoreCounts counts() {
        return new StoreCounts(queue.size(), queue.capacity(), queue.dropped(), written.get(), store.metricCount(),
                store.maxMetrics(), refused.get(), skipped.get(), errors.get());
    }

    /** The store's figures in Prometheus's text format, for {@code /metrics}. */
    public void appendPrometheus(StringBuilder out) {
        StoreCounts c = counts();
        series(out, "queued", "gauge", "Check results with perfdata waiting for the store's thread.", c.queued());
        series(out, "queue_capacity", "gauge", "The bound of the store's queue.", c.capacity());
        series(out, "dropped_total", "counter",
                "Check results dropped because the store's queue was full (the oldest go first).", c.dropped());
        series(out, "written_total", "counter", "Perfdata values written into round-robin files.", c.written());
        series(out, "metrics", "gauge", "Metrics (round-robin files) the store holds.", c.metrics());
        series(out, "max_metrics", "gauge", "The bound on metrics (perfdata.max_metrics).", c.maxMetrics());
        series(out, "refused_total", "counter", "Values of new metrics not recorded: the store was full.",
                c.refused());
        series(out, "skipped_total", "counter", "Values not newer than their metric's last one.", c.skipped());
        series(out, "errors_total", "counter", "Values that could not be written.", c.errors());
    }

    private static void series(StringBuilder out, String suffix, String type, String help, long value) {
        String name = "vigil_perfdata_store_" + suffix;
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(String.format(Locale.ROOT, "%s %d\n", name, value));
    }

    private static String text(java.util.OptionalDouble d) {
        return d.isPresent() ? Numbers.format(d.getAsDouble()) : "";
    }

    private static String describe(MetricKey k) {
        return "'" + k.label() + "' of " + k.host() + (k.isHost() ? "" : ";" + k.service());
    }

    /** Writes what is queued within five seconds, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(CLOSE_WAIT_MS);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
