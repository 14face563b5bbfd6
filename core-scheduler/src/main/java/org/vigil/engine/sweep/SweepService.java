package org.vigil.engine.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sweeps for callers outside the engine (the CLI's control socket, the HTTP API, the status page): start one
 * (an id), poll its progress, read its summary, cancel it. Thread-safe. Reaches the engine at use time through
 * {@code engine}, so a sweep started after a reload runs on the new engine; one running during a reload still
 * ends, its results carried with the checks to the new engine.
 */
public final class SweepService {

    /** Sweeps kept for polling after they end, the oldest ended dropped first. */
    static final int KEPT = 32;

    private final Supplier<? extends Sweeps.Owner> engine;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Kept> sweeps = new LinkedHashMap<>();

    public SweepService(Supplier<? extends Sweeps.Owner> engine) {
        this.engine = engine;
    }

    /** Starts a sweep now: the sweep, or every error of the request (unknown names, with suggestions). */
    public Sweeps.Start start(SweepRequest request) {
        Sweeps.Owner e = engine.get();
        long id = ids.incrementAndGet();
        Sweeps.Start start = e.call(() -> e.sweeps().start(id, request));
        start.sweep().ifPresent(s -> keep(new Kept(s, e)));
        return start;
    }

    /** The sweep {@code id}, running or kept. */
    public Optional<Sweep> get(long id) {
        synchronized (sweeps) {
            return Optional.ofNullable(sweeps.get(id)).map(Kept::sweep);
        }
    }

    /** Every sweep kept, oldest first. */
    public List<Sweep> sweeps() {
        synchronized (sweeps) {
            return sweeps.values().stream().map(Kept::sweep).toList();
        }
    }

    /** Progress of every sweep kept, oldest first. */
    public List<SweepProgress> list() {
        List<Sweep> all;
        synchronized (sweeps) {
            all = sweeps.values().stream().map(Kept::sweep).toList();
        }
        List<SweepProgress> out = new ArrayList<>();
        all.forEach(s -> out.add(s.progress()));
        return out;
    }

    /**
     * Cancels sweep {@code id}: nothing more is started; checks already running finish and apply as usual.
     * False if there is no such sweep or it is already over. Returns once the engine has taken it.
     */
    public boolean cancel(long id) {
        Kept k;
        synchronized (sweeps) {
            k = sweeps.get(id);
        }
        if (k == null || k.sweep().progress().over()) {
            return false;
        }
        try {
            return k.engine().call(() -> k.engine().sweeps().cancel(id));
        } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException closed) {
            return false; // that engine is gone (shut down)
        }
    }

    private void keep(Kept k) {
        synchronized (sweeps) {
            sweeps.put(k.sweep().id(), k);
            var it = sweeps.values().iterator();
            while (sweeps.size() > KEPT && it.hasNext()) {
                if (it.next().sweep().progress().over()) {
                    it.remove();
                }
            }
        }
    }

    /** A sweep and the engine it runs on (to cancel it there, even after a reload replaced that engine). */
    private record Kept(Sweep sweep, Sweeps.Owner engine) {
    }
}
