package org.vigil.perfdata.rrd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.FetchData;
import org.rrd4j.core.RrdBackendFactory;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdRandomAccessFileBackendFactory;
import org.rrd4j.core.Sample;

/**
 * The round-robin files of every metric under one directory ({@link MetricFiles}, shaped as {@link RrdLayout}):
 * any thread writes ({@link #write}, a batch of values in one open) and reads ({@link #metrics}, {@link #series}, all
 * spans in one open). A file is opened for each batch and each read and closed after, so hundreds of thousands of
 * metrics hold no file handle or memory map; a
 * lock per file (striped) keeps a read from seeing half a write. The count of metrics is bounded: a new metric
 * beyond {@code maxMetrics} is refused (the caller says so), its file never made.
 */
public final class RrdStore {

    /** What became of a value. */
    public enum Outcome { WRITTEN, REFUSED, SKIPPED }

    /**
     * Plain positioned reads and writes of the pages an open touches ({@link PagedFileBackendFactory}), no memory map:
     * a file is open for one batch of updates or one page's read, which touch a few pages of its 382 KB. rrd4j's
     * default NIO backend maps the file per open (mmap, page faults, unmap, a sync thread): half the values per CPU
     * second of its plain RandomAccessFile backend in bench/perfdata-store (docs/performance.md).
     */
    static final RrdBackendFactory FILES = new PagedFileBackendFactory();

    private final MetricFiles files;
    private final int maxMetrics;
    private final ReentrantLock[] locks = new ReentrantLock[64];
    /** The metrics written by this store, with their last meta. */
    private final Map<MetricKey, MetricMeta> known = new ConcurrentHashMap<>();
    private final AtomicInteger metrics = new AtomicInteger();
    private final AtomicLong opens = new AtomicLong();
    private final RrdBackendFactory backend;

    public RrdStore(Path root, int maxMetrics) {
        this(root, maxMetrics, FILES);
    }

    /** A store whose files are read and written through {@code backend} (the bench compares them). */
    public RrdStore(Path root, int maxMetrics, RrdBackendFactory backend) {
        this.backend = backend;
        this.files = new MetricFiles(root);
        this.maxMetrics = maxMetrics;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public Path root() {
        return files.root();
    }

    /** Counts the metrics already on disk (a restart keeps them and their place in the bound); writer thread. */
    public int open() throws IOException {
        Files.createDirectories(files.root());
        try (Stream<Path> all = Files.walk(files.root(), 3)) {
            metrics.set((int) all.filter(p -> p.getFileName().toString().endsWith(".rrd")).count());
        }
        return metrics.get();
    }

    /** The metrics the store holds now. */
    public int metricCount() {
        return metrics.get();
    }

    public int maxMetrics() {
        return maxMetrics;
    }

    /**
     * Records {@code value} at {@code time} (seconds) for {@code meta}'s metric, making its file on its first value
     * unless the store is full.
     */
    public Outcome write(MetricMeta meta, long time, double value) throws IOException {
        Written w = write(meta, new long[] {time}, new double[] {value}, 1);
        return w.refused() ? Outcome.REFUSED : w.written() == 1 ? Outcome.WRITTEN : Outcome.SKIPPED;
    }

    /** What became of a batch of values: how many were written, how many skipped (not newer), or all refused. */
    public record Written(int written, int skipped, boolean refused) {
    }

    /**
     * Records the first {@code n} of {@code values} at {@code times} (seconds, oldest first) for {@code meta}'s
     * metric in one open of its file, making the file on its first value unless the store is full; a value not newer
     * than the file's last is skipped. Any thread; a lock per file keeps two writers (or a reader) apart.
     */
    public Written write(MetricMeta meta, long[] times, double[] values, int n) throws IOException {
        MetricKey key = meta.key();
        Path rrd = files.rrd(key);
        ReentrantLock lock = lock(rrd);
        lock.lock();
        try {
            MetricMeta last = known.get(key);
            boolean exists = last != null || Files.exists(rrd);
            if (!exists && metrics.get() >= maxMetrics) {
                return new Written(0, n, true);
            }
            if (!exists) {
                Files.createDirectories(rrd.getParent());
                RrdDb.getBuilder().setRrdDef(RrdLayout.definition(rrd, times[0])).setBackendFactory(backend).build()
                        .close();
                metrics.incrementAndGet();
            }
            if (!meta.equals(last)) {
                meta.write(files.meta(key));
                known.put(key, meta);
            }
            int written = 0;
            opens.incrementAndGet();
            try (RrdDb db = RrdDb.getBuilder().setPath(rrd.toString()).setBackendFactory(backend).build()) {
                long lastTime = db.getLastUpdateTime();
                Sample sample = db.createSample();
                for (int i = 0; i < n; i++) {
                    if (times[i] > lastTime) {
                        sample.setTime(times[i]);
                        sample.setValue(0, values[i]);
                        sample.update();
                        lastTime = times[i];
                        written++;
                    }
                }
            }
            return new Written(written, n - written, false);
        } finally {
            lock.unlock();
        }
    }

    /** The metrics of {@code host}'s check ({@code service} null) or of its service, by label. */
    public List<MetricMeta> metrics(String host, String service) {
        Path dir = files.dir(host, service);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<MetricMeta> out = new ArrayList<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path p : (Iterable<Path>) all.filter(f -> f.getFileName().toString().endsWith(".meta"))::iterator) {
                try {
                    MetricMeta m = MetricMeta.read(p);
                    if (m.key().host().equals(host) && java.util.Objects.equals(m.key().service(), service)
                            && Files.exists(files.rrd(m.key()))) {
                        out.add(m);
                    }
                } catch (IOException e) {
                    // a meta file being replaced or damaged: that metric is left out of this answer
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(m -> m.key().label()));
        return out;
    }

    /** One span to read: {@code start} to {@code end} (seconds) in rows of at least {@code resolution} seconds. */
    public record Span(long start, long end, long resolution) {
    }

    /**
     * {@code meta}'s values from {@code start} to {@code end} (seconds), from the finest archive that covers the
     * span with rows of at least {@code resolution} seconds; empty when the metric has no file.
     */
    public Optional<Series> series(MetricMeta meta, long start, long end, long resolution) throws IOException {
        return series(meta, List.of(new Span(start, end, resolution))).map(all -> all.get(0));
    }

    /**
     * {@code meta}'s values over each of {@code spans}, in that order, read in one open of its file (a detail page
     * draws five spans of each metric); empty when the metric has no file.
     */
    public Optional<List<Series>> series(MetricMeta meta, List<Span> spans) throws IOException {
        Path rrd = files.rrd(meta.key());
        if (!Files.exists(rrd)) {
            return Optional.empty();
        }
        ReentrantLock lock = lock(rrd);
        lock.lock();
        opens.incrementAndGet();
        try (RrdDb db = RrdDb.getBuilder().setPath(rrd.toString()).setBackendFactory(backend).readOnly().build()) {
            List<Series> out = new ArrayList<>(spans.size());
            for (Span s : spans) {
                FetchData avg = db.createFetchRequest(ConsolFun.AVERAGE, s.start(), s.end(), s.resolution())
                        .fetchData();
                FetchData min = db.createFetchRequest(ConsolFun.MIN, s.start(), s.end(), s.resolution()).fetchData();
                FetchData max = db.createFetchRequest(ConsolFun.MAX, s.start(), s.end(), s.resolution()).fetchData();
                out.add(new Series(meta, avg.getStep(), avg.getTimestamps(), avg.getValues(0), aligned(min, avg),
                        aligned(max, avg)));
            }
            return Optional.of(out);
        } finally {
            lock.unlock();
        }
    }

    /** Files opened for a write or a read since the start (a read of five spans opens each file once). */
    public long opens() {
        return opens.get();
    }

    /**
     * {@code other}'s values at {@code base}'s times: the archives of each function have the same steps, so the rows
     * are the same and the values are used as they are; a mismatch (never seen) is matched time by time.
     */
    private static double[] aligned(FetchData other, FetchData base) {
        long[] bt = base.getTimestamps();
        long[] t = other.getTimestamps();
        double[] v = other.getValues(0);
        if (t.length == bt.length && (t.length == 0 || (t[0] == bt[0] && t[t.length - 1] == bt[bt.length - 1]))) {
            return v;
        }
        double[] out = new double[bt.length];
        java.util.Arrays.fill(out, Double.NaN);
        Map<Long, Integer> at = new HashMap<>();
        for (int i = 0; i < bt.length; i++) {
            at.put(bt[i], i);
        }
        for (int i = 0; i < t.length; i++) {
            Integer j = at.get(t[i]);
            if (j != null) {
                out[j] = v[i];
            }
        }
        return out;
    }

    private ReentrantLock lock(Path rrd) {
        return locks[Math.floorMod(rrd.hashCode(), locks.length)];
    }
}
