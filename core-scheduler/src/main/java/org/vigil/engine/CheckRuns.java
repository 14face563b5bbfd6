package org.vigil.engine;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.vigil.engine.dependency.CheckGate;
import org.vigil.engine.exec.CarriedResult;
import org.vigil.engine.exec.CheckRequest;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostChecks;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.StateType;
import org.vigil.engine.stats.StatKind;

/**
 * The life of a check, from the clock to its result: due (straight from the clock thread to the pool, unless
 * the engine thread must judge it: execution dependencies, a host's cache horizon, checks of its kind off), started
 * once at a time per object, its result handed to the engine thread, or to the engine that replaced this one.
 */
final class CheckRuns {

    /** What a finished check goes on to: the result's application, and the engine's other readers of results. */
    interface Finish {
        /** A result to apply, on the engine thread; false if the object was fresh meanwhile and it was dropped. */
        void finished(CheckTarget t, CheckOutcome outcome, Throwable failure);
    }

    private final EngineParts parts;
    private final CheckSchedule schedule;
    private final CheckGate gate;
    private final ProgramSwitches switches;
    private final CheckPool pool;
    private Finish finish;
    /** Checks running now; the clock thread adds, the engine thread removes. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Reload: set by {@link #pause}; no check is started any more, running ones still finish. */
    private volatile boolean paused;
    /** Reload: set by a hand-over; results of checks still running go to the engine that replaced this one. */
    private volatile Consumer<CarriedResult> successor;

    CheckRuns(EngineParts parts, CheckSchedule schedule, CheckGate gate, ProgramSwitches switches, CheckPool pool) {
        this.parts = parts;
        this.schedule = schedule;
        this.gate = gate;
        this.switches = switches;
        this.pool = pool;
    }

    /** Where results go; once, while the engine is built. */
    void onFinish(Finish f) {
        this.finish = f;
    }

    /**
     * From the check clock's thread: hands a due check straight to the pool (no hop through the engine
     * thread, which measured as most of the scheduling latency); only results go through the engine thread.
     */
    void due(String checkId, Instant scheduledFor) {
        boolean forced = schedule.takeForced(checkId);
        if (!forced && !executionAllowed(checkId)) {
            parts.thread().submit("skipped check", () -> skipCheck(checkId));
            return;
        }
        CheckTarget target = parts.objects().byId(checkId);
        if (!forced && switches.settings().cachedHostCheckHorizon() > 0 && target != null && target.isHost()) {
            // the host's last check is the engine thread's to read
            parts.thread().submit("due host check", () -> dueHost(checkId, scheduledFor));
            return;
        }
        if (gate.gated(checkId)) {
            // objects with execution dependencies are judged on the engine thread, which owns the statuses
            parts.thread().submit("due check", () -> dueGated(checkId, scheduledFor, forced));
            return;
        }
        start(checkId, scheduledFor);
    }

    /** Whether scheduled checks of the target's kind run ({@code execute_service_checks}/{@code _host_}). */
    private boolean executionAllowed(String checkId) {
        CheckTarget t = parts.objects().byId(checkId);
        return t == null || (t.isHost() ? switches.executeHostChecks() : switches.executeServiceChecks());
    }

    /**
     * A due host check that is not forced, with a cache horizon: as Nagios's {@code run_scheduled_host_check}, one
     * within the horizon of the host's last check is not run but moved to one check interval from now (five
     * minutes without one), which also drops a retry; engine thread.
     */
    private void dueHost(String checkId, Instant scheduledFor) {
        CheckTarget t = parts.objects().byId(checkId);
        if (parts.thread().closing() || t == null) {
            return;
        }
        HostStatus h = parts.objects().host(t.hostName());
        Instant now = parts.clock().instant();
        if (!HostChecks.withinHorizon(h, now, switches.settings())) {
            if (gate.gated(checkId)) {
                dueGated(checkId, scheduledFor, false);
            } else {
                start(checkId, scheduledFor);
            }
            return;
        }
        long seconds = h.checkInterval() <= 0 ? 300 : (long) (h.checkInterval() * schedule.intervalLength());
        schedule.schedule(t, now.plusSeconds(seconds));
        parts.retained().statusChanged(t);
    }

    /** A due check of a gated object: run it, or, while its dependencies fail, try again later; engine thread. */
    private void dueGated(String checkId, Instant scheduledFor, boolean forced) {
        CheckTarget t = parts.objects().byId(checkId);
        if (parts.thread().closing() || t == null) {
            return;
        }
        Optional<Instant> later = gate.deferral(t, forced, parts.clock().instant());
        if (later.isEmpty()) {
            start(checkId, scheduledFor);
            return;
        }
        if (forced) {
            schedule.deferForced(t, later.get());
        } else {
            schedule.schedule(t, later.get());
        }
        parts.retained().statusChanged(t);
    }

    /**
     * Nagios's {@code run_scheduled_*_check} for a check that is not viable because checks of its kind are not
     * executed: not run, and tried again one interval later (the retry interval in a soft problem).
     */
    private void skipCheck(String checkId) {
        CheckTarget t = parts.objects().byId(checkId);
        CheckableStatus<?> st = parts.objects().status(t);
        if (!st.activeChecksEnabled()) {
            return;
        }
        int unit = schedule.intervalLength();
        boolean retrying = st.stateType() == StateType.SOFT && !st.currentState().isOk();
        long seconds = (long) ((retrying ? st.retryInterval() : st.checkInterval()) * unit);
        if (seconds <= 0) {
            seconds = st.checkInterval() <= 0 ? 300 : (long) (st.checkInterval() * unit);
        }
        schedule.schedule(t, parts.clock().instant().plusSeconds(seconds));
        parts.retained().statusChanged(t);
    }

    /** Takes a due check, unless it is already running, and hands it to the pool; any thread. */
    void start(String checkId, Instant scheduledFor) {
        CheckTarget t = parts.objects().byId(checkId);
        if (parts.thread().closing() || paused || t == null || !inFlight.add(checkId)) {
            return;
        }
        if (paused) { // paused while this was being added: the reload's hand-over may not see it, so don't run
            inFlight.remove(checkId);
            return;
        }
        CheckRequest request = new CheckRequest(t, scheduledFor);
        pool.run(request, (outcome, failure) -> parts.thread().submit("check result",
                () -> finish.finished(t, outcome, failure)));
        countStart(t);
    }

    /**
     * Nagios 4.4.6 counts every active check it hands to a worker as scheduled ({@code run_async_*_check} is only
     * called with {@code scheduled_check} true), and every host check as parallel too.
     */
    private void countStart(CheckTarget t) {
        if (t.isHost()) {
            parts.stats().count(StatKind.ACTIVE_SCHEDULED_HOST);
            parts.stats().count(StatKind.PARALLEL_HOST);
        } else {
            parts.stats().count(StatKind.ACTIVE_SCHEDULED_SERVICE);
        }
    }

    /**
     * A check came back, on the engine thread: forwarded if a reload handed it over, logged if it could not run,
     * else true: the caller applies it.
     */
    boolean returned(CheckTarget t, CheckOutcome outcome, Throwable failure) {
        Consumer<CarriedResult> next = successor;
        inFlight.remove(t.id());
        if (next != null) { // handed over by a reload: the new engine applies it
            next.accept(new CarriedResult(Retained.key(t), outcome, failure));
            return false;
        }
        if (failure != null) {
            parts.log().log("Warning: check of " + t + " could not be run: " + failure);
            return false;
        }
        return true;
    }

    boolean running(CheckTarget t) {
        return inFlight.contains(t.id());
    }

    /** Stops starting checks (due ones stay due); running ones finish. */
    void pause() {
        paused = true;
    }

    /** From now on results go to {@code next}; the objects whose checks are running now. Engine thread. */
    Set<ObjectKey> handOver(Consumer<CarriedResult> next) {
        successor = next;
        return runningKeys();
    }

    boolean handedOver() {
        return successor != null;
    }

    Set<ObjectKey> runningKeys() {
        Set<ObjectKey> running = new HashSet<>();
        for (String id : inFlight) {
            CheckTarget t = parts.objects().byId(id);
            if (t != null) {
                running.add(Retained.key(t));
            }
        }
        return running;
    }

    /** A check the replaced engine still runs: not started here until its result arrives. */
    void runningElsewhere(CheckTarget t) {
        inFlight.add(t.id());
    }

    /** That check never came back: true if it was waited for. */
    boolean release(CheckTarget t) {
        return inFlight.remove(t.id());
    }

    boolean idle() {
        return inFlight.isEmpty();
    }
}
