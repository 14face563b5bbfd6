package org.vigil.engine.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vigil.engine.state.CheckTarget;

/**
 * One sweep: the checks it selected and their results as they come. The engine thread alone records results
 * (through {@link Sweeps}); any thread reads {@link #progress} and {@link #summary}, which are immutable snapshots:
 * a result is written to its slot before the volatile count that publishes it.
 */
public final class Sweep {

    private final long id;
    private final SweepRequest request;
    private final SweepSelection selection;
    private final long startNanos = System.nanoTime();
    private final SweepResult[] results;
    private volatile int done;
    private volatile long endNanos;
    private volatile SweepProgress.Phase phase = SweepProgress.Phase.RUNNING;
    private volatile SweepSummary summary;
    private final CountDownLatch over = new CountDownLatch(1);

    // engine thread only
    /** Each selected object's displayed state when the sweep started, to mark results that changed. */
    private final Map<String, String> previous = new HashMap<>();
    private int next;
    private int running;
    private final List<String> notStarted = new ArrayList<>();

    Sweep(long id, SweepRequest request, SweepSelection selection, Map<String, String> previous) {
        this.id = id;
        this.request = request;
        this.selection = selection;
        this.results = new SweepResult[selection.targets().size()];
        this.previous.putAll(previous);
    }

    public long id() {
        return id;
    }

    public SweepRequest request() {
        return request;
    }

    /**
     * Every object the sweep names (run or skipped), so a caller can decide who may see it (a user who sees only
     * some objects must not read the others' outputs); any thread.
     */
    public List<SweepObject> objects() {
        return selection.objects();
    }

    /** The progress now; any thread. */
    public SweepProgress progress() {
        int n = done;
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Integer> byHost = new TreeMap<>();
        int problems = 0;
        for (int i = 0; i < n; i++) {
            SweepResult r = results[i];
            if (!r.ok()) {
                problems++;
                byState.merge(r.state(), 1, Integer::sum);
                byHost.merge(r.host(), 1, Integer::sum);
            }
        }
        SweepProgress.Phase now = phase; // read before endNanos: a phase that is over makes its end time visible
        long end = endNanos;
        long elapsed = (end != 0 ? end : System.nanoTime()) - startNanos;
        return new SweepProgress(id, n, results.length, problems, byState, byHost, Duration.ofNanos(elapsed), now);
    }

    /** The summary, once the sweep is over; any thread. */
    public Optional<SweepSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** Waits up to {@code timeout} for the sweep to end; any thread. */
    public boolean await(Duration timeout) throws InterruptedException {
        return over.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ------------------------------------------------------------------- engine thread (through Sweeps)

    List<CheckTarget> targets() {
        return selection.targets();
    }

    String previousState(CheckTarget t) {
        return previous.getOrDefault(t.id(), "PENDING");
    }

    /** The next target to start, if any is left and the window has room. */
    Optional<CheckTarget> nextToStart(int window) {
        if (phase != SweepProgress.Phase.RUNNING || running >= window || next >= results.length) {
            return Optional.empty();
        }
        running++;
        return Optional.of(selection.targets().get(next++));
    }

    /** Records one result; ends the sweep when it was the last. */
    void record(SweepResult r) {
        running--;
        int n = done;
        results[n] = r;
        done = n + 1;
        if (n + 1 == results.length) {
            end(SweepProgress.Phase.FINISHED);
        }
    }

    /** A target that could not be started: counted as done, with the reason as its output. */
    void notStarted(CheckTarget t, String why) {
        notStarted.add(name(t) + ": " + why);
        record(new SweepResult(t.hostName(), t.isHost() ? null : t.service().description(), "UNKNOWN", false,
                "-", "not run: " + why, previousState(t), false));
    }

    boolean over() {
        return phase != SweepProgress.Phase.RUNNING;
    }

    void finishEmpty() {
        end(SweepProgress.Phase.FINISHED);
    }

    void cancel() {
        if (!over()) {
            for (int i = next; i < results.length; i++) {
                notStarted.add(name(selection.targets().get(i)) + ": cancelled");
            }
            end(SweepProgress.Phase.CANCELLED);
        }
    }

    private void end(SweepProgress.Phase how) {
        endNanos = System.nanoTime();
        phase = how;
        int n = done;
        List<SweepResult> problems = new ArrayList<>();
        List<SweepResult> changed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SweepResult r = results[i];
            if (!r.ok()) {
                problems.add(r);
            }
            if (r.changed()) {
                changed.add(r);
            }
        }
        java.util.Comparator<SweepResult> order = java.util.Comparator.comparing(SweepResult::host)
                .thenComparing(r -> r.service() == null ? "" : r.service());
        problems.sort(order);
        changed.sort(order);
        summary = new SweepSummary(progress(), request.describe(), selection.hosts(), problems, changed,
                selection.skipped(), notStarted);
        over.countDown();
    }

    private static String name(CheckTarget t) {
        return t.isHost() ? t.hostName() : t.hostName() + "/" + t.service().description();
    }
}
