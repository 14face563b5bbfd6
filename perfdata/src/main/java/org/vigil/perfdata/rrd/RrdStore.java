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
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.FetchData;
import org.rrd4j.core.RrdBackendFactory;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdRandomAccessFileBackendFactory;

/**
 * The round-robin files of every metric under one directory ({@link MetricFiles}, shaped as {@link RrdLayout}):
 * one thread writes ({@link #write}), any thread reads ({@link #metrics}, {@link #series}). A file is opened for each
 * write and each read and closed after, so hundreds of thousands of metrics hold no file handle or memory map; a
 * lock per file (striped) keeps a read from seeing half a write. The count of metrics is bounded: a new metric
 * beyond {@code maxMetrics} is refused (the caller says so), its file never made.
 */
public final class RrdStore {

    /** What became of a value. */
    public enum Outcome { WRITTEN, REFUSED, SKIPPED }

    /** Plain reads and writes, no memory map: a file is open for one update, and an update touches a few rows. */
    private static final RrdBackendFactory FILES = new RrdRandomAccessFileBackendFactory();

    private final MetricFiles files;
    private final int maxMetrics;
    private final ReentrantLock[] locks = new ReentrantLock[64];
    /** The metrics written by this store or found on disk, with their last meta (writer thread only). */
    private final Map<MetricKey, MetricMeta> known = new HashMap<>();
    private volatile int metrics;

    public RrdStore(Path root, int maxMetrics) {
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
            metrics = (int) all.filter(p -> p.getFileName().toString().endsWith(".rrd")).count();
        }
        return metrics;
    }

    /** The metrics the store holds now. */
    public int metricCount() {
        return metrics;
    }

    public int maxMetrics() {
        return maxMetrics;
    }

    /**
     * Records {@code value} at {@code time} (seconds) for {@code meta}'s metric, making its file on its first value
     * unless the store is full. The writer thread only.
     */
    public Outcome write(MetricMeta meta, long time, double value) throws IOException {
        MetricKey key = meta.key();
        Path rrd = files.rrd(key);
        MetricMeta last = known.get(key);
        boolean exists = last != null || Files.exists(rrd);
        if (!exists && metrics >= maxMetrics) {
            return Outcome.REFUSED;
        }
        ReentrantLock lock = lock(rrd);
        lock.lock();
        try {
            if (!exists) {
                Files.createDirectories(rrd.getParent());
                RrdDb.getBuilder().setRrdDef(RrdLayout.definition(rrd, time)).setBackendFactory(FILES).build()
                        .close();
                metrics++;
            }
            if (!meta.equals(last)) {
                meta.write(files.meta(key));
                known.put(key, meta);
            }
            try (RrdDb db = RrdDb.getBuilder().setPath(rrd.toString()).setBackendFactory(FILES).build()) {
                if (time <= db.getLastUpdateTime()) {
                    return Outcome.SKIPPED;
                }
                db.createSample(time).setValue(0, value).update();
            }
            return Outcome.WRITTEN;
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

    /**
     * {@code meta}'s values from {@code start} to {@code end} (seconds), from the finest archive that covers the
     * span with rows of at least {@code resolution} seconds; empty when the metric has no file.
     */
    public Optional<Series> series(MetricMeta meta, long start, long end, long resolution) throws IOException {
        Path rrd = files.rrd(meta.key());
        if (!Files.exists(rrd)) {
            return Optional.empty();
        }
        ReentrantLock lock = lock(rrd);
        lock.lock();
        try (RrdDb db = RrdDb.getBuilder().setPath(rrd.toString()).setBackendFactory(FILES).readOnly().build()) {
            FetchData avg = db.createFetchRequest(ConsolFun.AVERAGE, start, end, resolution).fetchData();
            FetchData min = db.createFetchRequest(ConsolFun.MIN, start, end, resolution).fetchData();
            FetchData max = db.createFetchRequest(ConsolFun.MAX, start, end, resolution).fetchData();
            return Optional.of(new Series(meta, avg.getStep(), avg.getTimestamps(), avg.getValues(0),
                    aligned(min, avg), aligned(max, avg)));
        } finally {
            lock.unlock();
        }
    }

    /** {@code other}'s values at {@code base}'s times (the archives of each function have the same rows). */
    private static double[] aligned(FetchData other, FetchData base) {
        double[] out = new double[base.getRowCount()];
        java.util.Arrays.fill(out, Double.NaN);
        long[] t = other.getTimestamps();
        double[] v = other.getValues(0);
        Map<Long, Integer> at = new HashMap<>();
        long[] bt = base.getTimestamps();
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
