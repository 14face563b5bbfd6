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
     * Starts the plugin and gives its result when it ends. A runner whose checks wait on I/O without a thread of
     * their own (the built-in checks) returns at once; a forking runner runs to completion on the calling thread
     * first, as {@link #run} does. Never completes exceptionally for a plugin's problem: that is a result.
     */
    default CompletionStage<PluginResult> start(CommandLine line, Map<String, String> environment, Duration timeout) {
        return CompletableFuture.completedFuture(run(line, environment, timeout));
    }
}
