package org.vigil.engine.exec;

import org.vigil.checks.exec.Begun;
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
     * Begins the check on the calling thread, as far as it goes without waiting: a built-in check started (its
     * outcome comes on its event loop), a forked plugin left for a pool thread. By default everything is left.
     */
    default Begun<CheckOutcome> begin(CheckRequest request) {
        return new Begun.Blocking<>(() -> execute(request));
    }

    /** Makes the executor once the engine can answer runtime macros ($HOSTSTATE$...). */
    @FunctionalInterface
    interface Factory {
        CheckExecutor create(RuntimeMacros runtime);
    }
}
