package org.vigil.engine.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.checks.exec.ForkCap;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Verdict;
import org.vigil.checks.result.PluginExit;

/**
 * The sweeps of one engine, on its thread. A sweep keeps at most {@link Checks#concurrency} of its checks started
 * and not yet back (the pool's size: the pool is always full, and cancelling stops at once what was not started);
 * each result it waits for starts the next. A check already running is not started again: the sweep waits for
 * that run's result, so two sweeps over the same objects share the runs. The engine calls {@link #checkDone} for
 * every finished check only while {@link #active}, so checks outside sweeps pay one boolean read.
 */
public final class Sweeps {

    /** An engine that runs sweeps, as the {@link SweepService} reaches it: its thread and its sweeps. */
    public interface Owner {
        /** Runs {@code task} on the engine thread and waits for it. */
        <T> T call(java.util.concurrent.Callable<T> task);

        /** The engine's sweeps; engine thread only. */
        Sweeps sweeps();
    }

    /** What a sweep needs of the engine; engine thread only. */
    public interface Checks {
        ObjectModel model();

        Optional<CheckTarget> hostTarget(String host);

        Optional<CheckTarget> serviceTarget(ServiceKey key);

        CheckableStatus<?> status(CheckTarget t);

        boolean hasCheckCommand(CheckTarget host);

        /** Starts {@code t} now unless it is running; true if it is running afterwards (its result will come). */
        boolean runNow(CheckTarget t);

        /** How many checks run at once: the check pool's size. */
        int concurrency();

        /** True once results go to another engine (a reload): statuses here no longer change. */
        boolean handedOver();
    }

    private final Checks checks;
    private final List<Sweep> running = new ArrayList<>();
    /** The sweeps waiting for each running check's result, by target id. */
    private final Map<String, List<Sweep>> waiting = new HashMap<>();
    private boolean active;

    public Sweeps(Checks checks) {
        this.checks = checks;
    }

    /** Whether any sweep is running; the engine's finish path reads this before calling {@link #checkDone}. */
    public boolean active() {
        return active;
    }

    /** Starts a sweep with id {@code id}, or says why the request selects nothing it can name. */
    public Start start(long id, SweepRequest request) {
        SweepSelection selection = SweepSelection.of(request, checks);
        if (!selection.errors().isEmpty()) {
            return new Start(Optional.empty(), selection.errors());
        }
        Map<String, String> previous = new HashMap<>();
        for (CheckTarget t : selection.targets()) {
            previous.put(t.id(), checks.status(t).displayState());
        }
        Sweep sweep = new Sweep(id, request, selection, previous);
        if (selection.targets().isEmpty()) {
            sweep.finishEmpty(); // nothing to run: over at once
        } else {
            running.add(sweep);
            if (!active) {
                ForkCap.burstBegins(); // a sweep is a deliberate burst: more forks at once until the last one ends
            }
            active = true;
            feed(sweep);
        }
        return new Start(Optional.of(sweep), List.of());
    }

    /** Starts the sweep's next checks while its window has room. */
    private void feed(Sweep sweep) {
        Optional<CheckTarget> t;
        while ((t = sweep.nextToStart(checks.concurrency())).isPresent()) {
            CheckTarget target = t.get();
            if (checks.runNow(target)) {
                waiting.computeIfAbsent(target.id(), k -> new ArrayList<>(1)).add(sweep);
            } else {
                sweep.notStarted(target, "the engine is stopping or reloading");
            }
        }
        if (sweep.over()) {
            ended(sweep);
        }
    }

    /** Drops an ended sweep; with none left running, nothing is waited for any more. */
    private void ended(Sweep sweep) {
        running.remove(sweep);
        boolean was = active;
        active = !running.isEmpty();
        if (was && !active) {
            ForkCap.burstEnds();
        }
        if (!active) {
            waiting.clear(); // what cancelled sweeps still waited for: results now come while inactive
        }
    }

    /** A check finished (applied, failed, or handed to the engine after a reload); engine thread. */
    public void checkDone(CheckTarget t, CheckOutcome outcome, Throwable failure) {
        List<Sweep> sweeps = waiting.remove(t.id());
        if (sweeps == null) {
            return;
        }
        for (Sweep s : sweeps) {
            if (!s.over()) {
                s.record(result(s, t, outcome, failure));
                feed(s);
            }
        }
    }

    /** A running check whose result will never come (lost in a reload): counted as not run. */
    public void lost(CheckTarget t) {
        List<Sweep> sweeps = waiting.remove(t.id());
        if (sweeps != null) {
            for (Sweep s : sweeps) {
                if (!s.over()) {
                    s.notStarted(t, "its run was lost in a reload");
                    feed(s);
                }
            }
        }
    }

    /** Cancels sweep {@code id}: nothing more is started; checks running finish and apply as usual. */
    public boolean cancel(long id) {
        for (Sweep s : List.copyOf(running)) {
            if (s.id() == id) {
                s.cancel();
                ended(s);
                return true;
            }
        }
        return false;
    }

    /** Cancels every running sweep: the engine is closing, so what was not started never will be. */
    public void cancelAll() {
        for (Sweep s : List.copyOf(running)) {
            s.cancel();
            ended(s);
        }
    }

    private SweepResult result(Sweep s, CheckTarget t, CheckOutcome outcome, Throwable failure) {
        String service = t.isHost() ? null : t.service().description();
        String before = s.previousState(t);
        if (failure != null || outcome == null) {
            return new SweepResult(t.hostName(), service, "UNKNOWN", false, "-",
                    "could not be run: " + (failure == null ? "no result" : failure.getMessage()), before, false);
        }
        if (checks.handedOver()) {
            // the result is applied by the engine that replaced this one: report what the plugin said
            String state = stateOf(t, outcome.verdict());
            return new SweepResult(t.hostName(), service, state, state.equals("OK") || state.equals("UP"), "-",
                    outcome.output() == null ? "" : outcome.output(), before, true);
        }
        CheckableStatus<?> st = checks.status(t);
        boolean ok = st.hasBeenChecked() && st.currentState().isOk();
        return new SweepResult(t.hostName(), service, st.displayState(), ok, st.stateType().name(),
                st.pluginOutput() == null ? "" : st.pluginOutput(), before, true);
    }

    /** What the plugin said, as the new engine takes it (WARNING is UP for a host without aggressive checks). */
    private static String stateOf(CheckTarget t, Verdict verdict) {
        if (!(verdict instanceof Verdict.Plugin plugin)) {
            return t.isHost() ? "DOWN" : "UNKNOWN"; // only active checks run in a sweep
        }
        if (t.isHost()) {
            return plugin.exit() == PluginExit.OK || plugin.exit() == PluginExit.WARNING ? "UP" : "DOWN";
        }
        return plugin.exit().name();
    }

    /** A start: the sweep, or the errors of its request. */
    public record Start(Optional<Sweep> sweep, List<String> errors) {
    }
}
