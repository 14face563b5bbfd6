package org.vigil.checks.builtin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.vigil.checks.exec.PluginResult;

/**
 * One plugin done in-process. {@link #prepare} reads a command line's arguments as the real plugin would and says
 * whether the built-in does exactly what the plugin would do with them; only then does it run in the plugin's
 * place. A run gives what the forked plugin would have given: exit code, output (first line, long output,
 * perfdata) and its start and end.
 */
public interface BuiltinCheck {

    /** The plugin's file name, e.g. {@code check_tcp}. */
    String plugin();

    /**
     * The check {@code args} (argv without the plugin's path) ask for, or why the built-in cannot do it exactly
     * (an option it does not support, a value it reads differently): then the real plugin runs.
     */
    Prepared prepare(List<String> args);

    /** What {@link #prepare} decided. */
    sealed interface Prepared permits Ready, Declined {
    }

    /** The built-in runs the check. */
    record Ready(Run run) implements Prepared {
    }

    /** The real plugin runs; {@code why} says what the built-in does not support (for {@code --explain-checks}). */
    record Declined(String why) implements Prepared {
    }

    /** One check, ready to run. */
    @FunctionalInterface
    interface Run {
        /**
         * Starts the check and gives its result when it ends, by {@code timeout} (the engine's check timeout; the
         * plugin's own {@code -t} is the run's business) at the latest. Returns at once: the check waits on
         * {@link org.vigil.checks.builtin.io.BuiltinIo}'s event loop, not on a thread of its own. Thread-safe; never
         * completes exceptionally for a failing target: that is a result.
         */
        CompletionStage<PluginResult> start(Duration timeout);

        /** Runs the check to its end on the calling thread (tests, {@code PluginRunner#run}). */
        default PluginResult run(Duration timeout) {
            return start(timeout).toCompletableFuture().join();
        }

        /** A check done on the calling thread: instant work ({@code check_dummy}), or I/O not yet event-driven. */
        static Run blocking(Function<Duration, PluginResult> run) {
            return timeout -> CompletableFuture.completedFuture(run.apply(timeout));
        }
    }
}
