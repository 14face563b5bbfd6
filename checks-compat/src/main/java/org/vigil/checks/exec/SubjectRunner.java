package org.vigil.checks.exec;

import java.time.Duration;
import java.util.Map;
import org.vigil.checks.command.CommandLine;

/**
 * Runs an object's check command line, knowing whose check it is: the local runner runs every line on this machine;
 * a dispatching one (gearmand workers, issue 20) may send it elsewhere and give the result when it comes back. As
 * {@link PluginRunner#begin}, it never fails for a plugin's problem: that is a result.
 */
@FunctionalInterface
public interface SubjectRunner {

    /**
     * @param subject whose check it is
     * @param line the expanded command line
     * @param environment the {@code NAGIOS_*} macros to add, may be empty
     * @param timeout service_check_timeout or host_check_timeout
     */
    Begun<PluginResult> begin(CheckSubject subject, CommandLine line, Map<String, String> environment,
            Duration timeout);

    /** Every check on this machine through {@code runner}. */
    static SubjectRunner local(PluginRunner runner) {
        return (subject, line, environment, timeout) -> runner.begin(line, environment, timeout);
    }
}
