package org.vigil.engine.exec;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.engine.state.CheckOutcome;

/**
 * Runs one check and says how it went. Called from the check pool's threads, many at a time; it must not
 * throw for plugin problems (a missing plugin, a timeout): those are outcomes, as in Nagios.
 */
@FunctionalInterface
public interface CheckExecutor {

    CheckOutcome execute(CheckRequest request);

    /**
     * Starts the check; the outcome comes when it ends. An executor whose checks wait without a thread (built-in
     * checks on their event loop) returns at once; by default the check runs to its end first.
     */
    default CompletionStage<CheckOutcome> start(CheckRequest request) {
        return CompletableFuture.completedFuture(execute(request));
    }

    /** Makes the executor once the engine can answer runtime macros ($HOSTSTATE$...). */
    @FunctionalInterface
    interface Factory {
        CheckExecutor create(RuntimeMacros runtime);
    }
}
