package org.vigil.checks.exec;

import java.time.Duration;
import java.util.Map;
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
}
