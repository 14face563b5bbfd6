package org.vigil.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.vigil.engine.Engine;
import org.vigil.engine.ProgramSwitches;
import org.vigil.engine.daemon.Daemon;

/**
 * The one read model every reader shares (the status pages, the JSON API, {@code /metrics}): the latest
 * {@link StatusSnapshot}, made again at most every {@code maxAge} from the one before, on the engine thread, by
 * copying only the objects that changed ({@link SnapshotBuilder}). A reader never waits for another's update:
 * while one thread makes the next snapshot, the others are served the last one. After an action, {@link #fresh}
 * gives one that includes it. A reload (a new engine) starts again from the new engine's objects.
 */
public final class ReadModel {

    private final StatusSource source;
    private final Clock clock;
    private final Duration maxAge;
    private final ReentrantLock publishing = new ReentrantLock();
    private volatile StatusSnapshot latest;
    /** Counts {@link #invalidate} calls: a snapshot is served only if made after the last one. */
    private final AtomicLong invalidations = new AtomicLong();
    /** The invalidations the latest snapshot was made after. */
    private volatile long latestAfter;
    /** Guarded by {@code publishing}. */
    private SnapshotBuilder builder;
    /** What every reader asks of a snapshot, worked out before the snapshot is served ({@link #warmWith}). */
    private final List<Consumer<StatusSnapshot>> warmers = new CopyOnWriteArrayList<>();

    public ReadModel(StatusSource source, Clock clock, Duration maxAge) {
        this.source = source;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** A snapshot at most {@code maxAge} old, or the latest one while another reader makes the next. */
    public StatusSnapshot current() {
        Engine engine = source.engine();
        StatusSnapshot s = latest;
        if (s != null && s.engine() == engine && latestAfter == invalidations.get()) {
            if (Duration.between(s.takenAt(), clock.instant()).compareTo(maxAge) < 0 || !publishing.tryLock()) {
                return s;
            }
        } else {
            publishing.lock();
        }
        try {
            s = latest;
            if (s != null && s.engine() == engine && latestAfter == invalidations.get()
                    && Duration.between(s.takenAt(), clock.instant()).compareTo(maxAge) < 0) {
                return s;
            }
            return publish(engine);
        } finally {
            publishing.unlock();
        }
    }

    /**
     * A snapshot of the running engine's config, for what depends on the config alone (which objects exist, who
     * may see them): the latest one even after {@link #invalidate}, so a bulk action of 5,000 commands does not
     * make 5,000 snapshots to check its targets; a new one after a reload.
     */
    public StatusSnapshot ofConfig() {
        StatusSnapshot s = latest;
        return s != null && s.engine() == source.engine() ? s : current();
    }

    /** A snapshot taken now: includes everything the engine did before this call. */
    public StatusSnapshot fresh() {
        publishing.lock();
        try {
            return publish(source.engine());
        } finally {
            publishing.unlock();
        }
    }

    /**
     * Has {@code warm} work out, on the thread that makes each snapshot and before any other reader is served it,
     * what most readers ask of it (the overview's counts, the problems in their default order): that thread's
     * request pays once a second, and the others, served the last snapshot meanwhile, never wait for it. Without
     * this, every reader busy when a new snapshot was served waited for the first to work it out (at 100,000 services,
     * 20 clients: every second, the answers of the moment the snapshot changed were the slowest of the second).
     */
    public void warmWith(Consumer<StatusSnapshot> warm) {
        warmers.add(warm);
    }

    /** Makes the next read take a new snapshot, so it sees an action just carried out. */
    public void invalidate() {
        invalidations.incrementAndGet();
    }

    /** The overview's counts over what {@code viewer} sees, at most {@code maxAge} old. */
    public StateCounts counts(StateCounts.Viewer viewer) {
        return current().counts(viewer);
    }

    private StatusSnapshot publish(Engine engine) {
        long after = invalidations.get();
        if (builder == null || builder.engine() != engine) {
            builder = null; // the last engine's views are of no use to the new one
            builder = engine.call(() -> new SnapshotBuilder(engine));
        }
        SnapshotBuilder b = builder;
        Instant started = source.started();
        List<String> rejected = source.lastRejectedReloadErrors();
        Instant now = clock.instant();
        StatusSnapshot s = engine.call(() -> b.publish(program(engine, now, started, rejected), detail(engine)));
        for (Consumer<StatusSnapshot> warm : warmers) {
            try {
                warm.accept(s);
            } catch (RuntimeException e) {
                // the reader that asks for it works it out itself and meets the error there
            }
        }
        latestAfter = after;
        latest = s;
        return s;
    }

    /** Engine thread: the program's switches beyond the pages'. */
    private static ProgramDetail detail(Engine e) {
        ProgramSwitches p = e.switches();
        return new ProgramDetail(p.performanceData(), p.obsessOverServices(), p.obsessOverHosts(),
                e.freshnessSettings().checkServices(), e.freshnessSettings().checkHosts());
    }

    /** Engine thread: the program's status. */
    private static ProgramView program(Engine e, Instant now, Instant started, List<String> rejected) {
        ProgramSwitches p = e.switches();
        return new ProgramView(Daemon.VERSION, ProcessHandle.current().pid(), started, now,
                p.notificationsEnabled(), p.executeServiceChecks(), p.executeHostChecks(),
                p.acceptPassiveServiceChecks(), p.acceptPassiveHostChecks(), p.eventHandlersEnabled(),
                p.flapDetectionEnabled(), e.metrics().completed(), e.metrics().latencyMillis(50),
                e.metrics().latencyMillis(99), rejected, e.feeds().dropped());
    }
}
