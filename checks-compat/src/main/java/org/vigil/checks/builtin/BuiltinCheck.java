package org.vigil.checks.builtin;

import java.time.Duration;
import java.util.List;
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
         * Runs the check to completion or {@code timeout} (the engine's check timeout; the plugin's own {@code -t}
         * is the run's business). Blocking and thread-safe; never throws for a failing target: that is a result.
         */
        PluginResult run(Duration timeout);
    }
}
