package org.vigil.engine.exec;

import java.time.Clock;
import java.time.Duration;
import org.vigil.checks.ActiveCheck;
import org.vigil.checks.exec.Begun;
import org.vigil.checks.result.CheckResult;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.Verdict;
import org.vigil.engine.state.CheckType;

/** Runs checks with the real plugins: macros, command line, timeout and Nagios's result rules (checks-compat). */
public final class PluginCheckExecutor implements CheckExecutor {

    private final ObjectModel model;
    private final ActiveCheck checks;
    private final Clock clock;

    public PluginCheckExecutor(ObjectModel model, ActiveCheck checks, Clock clock) {
        this.model = model;
        this.checks = checks;
        this.clock = clock;
    }

    /** A factory for the engine, on the given plugin runner. */
    public static CheckExecutor.Factory factory(ObjectModel model, MainConfig main,
                                                org.vigil.checks.exec.PluginRunner runner, Clock clock) {
        return runtime -> new PluginCheckExecutor(model, ActiveCheck.of(model, main, runtime, runner, clock), clock);
    }

    /** A factory for the engine, its checks run by {@code runner} (which may send them to workers). */
    public static CheckExecutor.Factory factory(ObjectModel model, MainConfig main,
                                                org.vigil.checks.exec.SubjectRunner runner, Clock clock) {
        return runtime -> new PluginCheckExecutor(model, ActiveCheck.of(model, main, runtime, runner, clock), clock);
    }

    @Override
    public CheckOutcome execute(CheckRequest request) {
        Begun<CheckOutcome> begun = begin(request);
        return begun instanceof Begun.Started<CheckOutcome> started ? started.stage().toCompletableFuture().join()
                : ((Begun.Blocking<CheckOutcome>) begun).run().get();
    }

    /** The latency is the delay from the scheduled time to the plugin's start: for a forked one, on its pool thread. */
    @Override
    public Begun<CheckOutcome> begin(CheckRequest request) {
        CheckTarget t = request.target();
        Begun<CheckResult> begun = t.isHost() ? checks.beginHost(model.hosts().get(t.hostName()))
                : checks.beginService(model.services().get(t.service()));
        if (begun instanceof Begun.Blocking<CheckResult> blocking) {
            return new Begun.Blocking<>(() -> {
                double latency = latency(request);
                return outcome(blocking.run().get(), latency);
            });
        }
        double latency = latency(request);
        return begun.map(r -> outcome(r, latency));
    }

    private double latency(CheckRequest request) {
        return Math.max(0, Duration.between(request.scheduledFor(), clock.instant()).toNanos() / 1e9);
    }

    private static CheckOutcome outcome(CheckResult r, double latency) {
        return new CheckOutcome(new Verdict.Plugin(r.exit()), r.output().text(), r.output().longText(),
                r.output().perfData(), r.start(), r.end(), CheckType.ACTIVE, latency);
    }
}
