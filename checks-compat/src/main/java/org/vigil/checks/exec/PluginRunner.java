package org.vigil.checks.exec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.vigil.checks.command.CommandLine;

/**
 * Runs one plugin to completion: blocking, thread-safe, no pool of its own (the engine owns the pool and calls this
 * from its worker threads). On timeout the plugin's whole process tree is killed.
 */
public interface PluginRunner {

    /**
     * @param line the expanded command line (run directly or through /bin/sh as Nagios would)
     * @param environment variables to add to the engine's own environment (the {@code NAGIOS_*} macros), may be empty
     * @param timeout service_check_timeout or host_check_timeout
     */
    PluginResult run(CommandLine line, Map<String, String> environment, Duration timeout);

    /**
     * The run begun as far as it goes without waiting: a runner whose checks wait on I/O without a thread of their own
     * (the built-in checks) starts them here and gives {@link Begun.Started}; a forking runner gives {@link
     * Begun.Blocking}, {@link #run} for a thread that may wait. Never fails for a plugin's problem: that is a result.
     */
    default Begun<PluginResult> begin(CommandLine line, Map<String, String> environment, Duration timeout) {
        return new Begun.Blocking<>(() -> run(line, environment, timeout));
    }

    /** {@link #begin}, a blocking run done on the calling thread: the result when the plugin ends. */
    default CompletionStage<PluginResult> start(CommandLine line, Map<String, String> environment, Duration timeout) {
        Begun<PluginResult> begun = begin(line, environment, timeout);
        return begun instanceof Begun.Started<PluginResult> started ? started.stage()
                : CompletableFuture.completedFuture(((Begun.Blocking<PluginResult>) begun).run().get());
    }
}
