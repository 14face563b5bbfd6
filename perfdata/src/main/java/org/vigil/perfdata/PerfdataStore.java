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
 * {@link DropOldestQueue} (results without perfdata are not queued); the store's own thread parses it and holds its
 * values ({@link PendingWrites}) until the check is due, then writes each metric's values in one open of its file, as
 * rrdcached batches updates ({@code flush_seconds}, 300 by default like its {@code -w}; spread like its {@code -z}).
 * So a slow disk costs at most {@code queue_size} results of memory and drops the oldest (counted on
 * {@code /metrics}), never the engine's time. Reads ({@link #series}) may come from any thread and write the check's
 * waiting values first, so they see the newest point. {@link #close} writes all that waits (bounded in time); a
 * kill -9 loses what waits: at most {@code flush_seconds} of values.
 */
public final class PerfdataStore implements EngineListenerFactory, SampleSink, AutoCloseable {

    /** How long {@link #close} spends writing what waits; what is left after is lost (and said). */
    static final long CLOSE_FLUSH_MS = 20_000;

    /** The bounds and timing of a store. */
    public record Limits(int maxMetrics, int queueSize, int flushSeconds, long maxPending) {
    }

    private final RrdStore store;
    private final PendingWrites pending;
    private final DropOldestQueue<ResultSample> queue;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Consumer<String> log;
    private final AtomicLong flushes = new AtomicLong();
    private volatile boolean closing;
    private volatile long closeDeadline;
    private volatile boolean saidFull;
    private volatile boolean saidError;

    /** A store that writes each value at once (no batching): tests and the bench's comparison. */
    public PerfdataStore(Path directory, int maxMetrics, int queueSize, Consumer<String> log) {
        this(directory, new Limits(maxMetrics, queueSize, 0, 2_000_000), log);
    }

    public PerfdataStore(Path directory, Limits limits, Consumer<String> log) {
        this(new RrdStore(directory, limits.maxMetrics()), limits, log);
    }

    PerfdataStore(RrdStore store, Limits limits, Consumer<String> log) {
        this.store = store;
        this.pending = new PendingWrites(limits.flushSeconds() * 1000L, limits.maxPending());
        this.queue = new DropOldestQueue<>(limits.queueSize());
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
        if (wants(sample.perfData())) {
            queue.offer(sample);
        }
    }

    /** Only a result with perfdata: the store keeps metrics, nothing else. */
    @Override
    public boolean wants(String perfData) {
        return perfData != null && !perfData.isBlank();
    }

    private void run() {
        while (!(closing && queue.size() == 0)) {
            List<ResultSample> batch;
            try {
                long wait = Math.max(1, Math.min(200, pending.millisToNext(System.currentTimeMillis())));
                batch = queue.take(512, wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            long now = System.currentTimeMillis();
            for (ResultSample s : batch) {
                hold(s, now);
            }
            // a bounded number of checks a round, so the queue is drained between them
            PendingWrites.Batch due;
            for (int i = 0; i < 256 && (due = pending.nextDue(System.currentTimeMillis())) != null; i++) {
                flush(due);
            }
        }
        flushAll();
    }

    /** Holds each value of {@code s} until its check is due; the store's thread only. */
    void hold(ResultSample s, long nowMillis) {
        for (PerfValue v : PerfData.parse(s.perfData()).values()) {
            MetricMeta meta = new MetricMeta(new MetricKey(s.host(), s.service(), v.label()), v.unit(), v.warn(),
                    v.crit(), text(v.min()), text(v.max()));
            pending.add(meta, s.time(), v.value(), nowMillis);
        }
    }

    /** Writes what waits of {@code b}'s check, holding it so a concurrent flush waits; any thread. */
    private void flush(PendingWrites.Batch b) {
        synchronized (b) {
            List<PendingWrites.Metric> metrics = b.drain();
            if (!metrics.isEmpty()) {
                flushes.incrementAndGet();
            }
            for (PendingWrites.Metric m : metrics) {
                write(m);
            }
        }
    }

    /** Writes every check's waiting values until {@link #CLOSE_FLUSH_MS} after {@link #close}; says what is left. */
    private void flushAll() {
        for (PendingWrites.Batch b : pending.all()) {
            if (System.currentTimeMillis() > closeDeadline) {
                break;
            }
            flush(b);
        }
        long left = pending.pending();
        if (left > 0) {
            log.accept("Warning: Perfdata: " + left + " values were not written: writing the waiting values took"
                    + " longer than " + CLOSE_FLUSH_MS / 1000 + " s at shutdown");
        }
    }

    private void write(PendingWrites.Metric m) {
        try {
            RrdStore.Written w = store.write(m.meta, m.times, m.values, m.count);
            if (w.refused()) {
                full(w.skipped());
            } else {
                written.addAndGet(w.written());
                skipped.addAndGet(w.skipped());
            }
        } catch (IOException | RuntimeException e) {
            errors.addAndGet(m.count);
            if (!saidError) {
                saidError = true;
                log.accept("Warning: Perfdata: cannot write " + describe(m.meta.key()) + " under "
                        + store.root() + " (" + (e.getMessage() == null ? e : e.getMessage())
                        + "); values that cannot be written are counted on /metrics, this is said once");
            }
        }
    }

    private void full(int values) {
        refused.addAndGet(values);
        if (!saidFull) {
            saidFull = true;
            log.accept("Warning: Perfdata: the store holds " + store.metricCount() + " metrics, its bound"
                    + " (perfdata.max_metrics in vigil.yml, " + RrdLayout.fileSize() / 1024
                    + " KiB each): values of new metrics are not recorded; raise the bound or remove the files of"
                    + " metrics no longer needed under " + store.root());
        }
    }

    /** The metrics of {@code host}'s check ({@code service} null) or its service, {@code start} to {@code end}. */
    public List<Series> series(String host, String service, long start, long end, long resolution) {
        List<Series> out = new ArrayList<>();
        for (List<Series> one : series(host, service, List.of(new RrdStore.Span(start, end, resolution)))) {
            out.add(one.get(0));
        }
        return out;
    }

    /**
     * For each metric of {@code host}'s check ({@code service} null) or of its service, its values over each of
     * {@code spans} (in that order), each file opened once; the check's waiting values are written first.
     */
    public List<List<Series>> series(String host, String service, List<RrdStore.Span> spans) {
        PendingWrites.Batch b = pending.of(host, service);
        if (b != null) {
            flush(b);
        }
        List<List<Series>> out = new ArrayList<>();
        for (MetricMeta m : store.metrics(host, service)) {
            try {
                store.series(m, spans).ifPresent(out::add);
            } catch (IOException | RuntimeException e) {
                // a file removed or damaged meanwhile: that metric is left out of this answer
            }
        }
        return out;
    }

    /** A number that changes with each value received for the check (0: none since the start): caches key on it. */
    public long version(String host, String service) {
        return pending.version(host, service);
    }

    /** Files opened since the start, for writes and reads. */
    public long opens() {
        return store.opens();
    }

    /** The store's figures now. */
    public StoreCounts counts() {
        return new StoreCounts(queue.size(), queue.capacity(), queue.dropped(), written.get(), store.metricCount(),
                store.maxMetrics(), refused.get(), skipped.get(), errors.get(),
                new StoreCounts.Batching(pending.pending(), pending.maxPending(), pending.checks(), flushes.get()));
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
        series(out, "pending", "gauge", "Values held in memory until their check is written (flush_seconds).",
                c.batching().pending());
        series(out, "max_pending", "gauge", "The bound on held values (perfdata.max_pending): beyond, checks are"
                + " written early.", c.batching().maxPending());
        series(out, "pending_checks", "gauge", "Checks with held or written values since the start.",
                c.batching().checks());
        series(out, "flushes_total", "counter", "Writes of a check's held values.", c.batching().flushes());
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

    /**
     * Writes what is queued and what waits, for at most {@link #CLOSE_FLUSH_MS} (then says how many values are left
     * unwritten), and stops.
     */
    @Override
    public void close() {
        closeDeadline = System.currentTimeMillis() + CLOSE_FLUSH_MS;
        closing = true;
        try {
            thread.join(CLOSE_FLUSH_MS + 2000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
